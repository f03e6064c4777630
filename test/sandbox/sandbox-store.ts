import { SandboxAttachment, SandboxComment, SandboxPage, SandboxSpace, SandboxUser, SeedData } from './sandbox-model';
import { storageToPlainText, words } from './storage-text';

/** A page as the CQL engine sees it, precomputed once so searches never re-parse bodies. */
export interface SearchDocument {
  page: SandboxPage;
  plainText: string;
  titleWords: Set<string>;
  textWords: Set<string>;
  ancestorIds: string[];
  labelNames: Set<string>;
}

/** In-memory Confluence data with the lookups the routes need (by id, by key, children, ancestors). */
export class SandboxStore {
  private readonly pages = new Map<string, SandboxPage>();
  private readonly spacesByKey = new Map<string, SandboxSpace>();
  private readonly spacesById = new Map<string, SandboxSpace>();
  private readonly children = new Map<string, SandboxPage[]>();
  private readonly users = new Map<string, SandboxUser>();
  private readonly documents: SearchDocument[] = [];

  constructor(private readonly data: SeedData) {
    data.users.forEach((u) => this.users.set(u.accountId, u));
    data.spaces.forEach((s) => (this.spacesByKey.set(s.key, s), this.spacesById.set(s.id, s)));
    data.pages.forEach((p) => this.pages.set(p.id, p));
    data.pages.forEach((p) => p.parentId && this.children.set(p.parentId, [...(this.children.get(p.parentId) ?? []), p]));
    data.pages.forEach((p) => this.documents.push(this.toDocument(p)));
  }

  get currentUser(): SandboxUser {
    return this.data.currentUser;
  }

  getPage(id: string): SandboxPage | undefined {
    return this.pages.get(id);
  }

  listPages(): SandboxPage[] {
    return this.data.pages;
  }

  getSpace(key: string): SandboxSpace | undefined {
    return this.spacesByKey.get(key);
  }

  getSpaceById(id: string): SandboxSpace | undefined {
    return this.spacesById.get(id);
  }

  listSpaces(): SandboxSpace[] {
    return this.data.spaces;
  }

  getUser(accountId: string): SandboxUser {
    return this.users.get(accountId) ?? this.data.currentUser;
  }

  childPages(pageId: string): SandboxPage[] {
    return this.children.get(pageId) ?? [];
  }

  /** Root first, like v1 `ancestors`. */
  ancestors(page: SandboxPage): SandboxPage[] {
    const chain: SandboxPage[] = [];
    for (let id = page.parentId; id; id = this.pages.get(id)?.parentId ?? null) {
      const parent = this.pages.get(id);
      if (parent) chain.unshift(parent);
    }
    return chain;
  }

  commentsOf(pageId: string): SandboxComment[] {
    return this.data.comments.filter((c) => c.pageId === pageId);
  }

  getComment(id: string): SandboxComment | undefined {
    return this.data.comments.find((c) => c.id === id);
  }

  attachmentsOf(pageId: string): SandboxAttachment[] {
    return this.data.attachments.filter((a) => a.pageId === pageId);
  }

  getAttachment(id: string): SandboxAttachment | undefined {
    return this.data.attachments.find((a) => a.id === id);
  }

  findAttachment(pageId: string, title: string): SandboxAttachment | undefined {
    return this.data.attachments.find((a) => a.pageId === pageId && a.title === title);
  }

  searchDocuments(): SearchDocument[] {
    return this.documents;
  }

  private toDocument(page: SandboxPage): SearchDocument {
    const plainText = storageToPlainText(page.body);
    return {
      page,
      plainText,
      titleWords: new Set(words(page.title)),
      textWords: new Set([...words(page.title), ...words(plainText)]),
      ancestorIds: this.ancestors(page).map((a) => a.id),
      labelNames: new Set(page.labels.flatMap((l) => (l.prefix === 'global' ? [l.name] : [`${l.prefix}:${l.name}`]))),
    };
  }
}
