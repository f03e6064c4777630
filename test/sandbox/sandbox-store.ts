import { randomBytes } from 'node:crypto';
import { PageHistory } from './page-history';
import { SandboxAttachment, SandboxComment, SandboxPage, SandboxSpace, SandboxUser, SeedData } from './sandbox-model';
import { storageToPlainText, words } from './storage-text';

/** A page as the CQL engine sees it, computed once per change so searches never re-parse bodies. */
export interface SearchDocument {
  page: SandboxPage;
  plainText: string;
  titleWords: Set<string>;
  textWords: Set<string>;
  ancestorIds: string[];
  labelNames: Set<string>;
}

/** What one media token lets its bearer download. */
export interface MediaGrant {
  attachmentId: string;
  version: number;
}

/** Ids of content made through the API start here, well above every seeded id. */
const FIRST_NEW_ID = 400_000;

/**
 * In-memory Confluence data with the lookups the routes need (by id, by key, children, ancestors) and
 * the primitive changes the write routes make; the Confluence rules themselves live in the routes.
 */
export class SandboxStore {
  readonly history = new PageHistory();
  private readonly pages = new Map<string, SandboxPage>();
  private readonly spacesByKey = new Map<string, SandboxSpace>();
  private readonly spacesById = new Map<string, SandboxSpace>();
  private readonly users = new Map<string, SandboxUser>();
  private documents: SearchDocument[] | null = null;
  private lastId = FIRST_NEW_ID;
  private readonly mediaTokens = new Map<string, MediaGrant>();

  constructor(private readonly data: SeedData) {
    data.users.forEach((u) => this.users.set(u.accountId, u));
    data.spaces.forEach((s) => (this.spacesByKey.set(s.key, s), this.spacesById.set(s.id, s)));
    data.pages.forEach((p) => (this.pages.set(p.id, p), this.history.seedPage(p)));
  }

  get currentUser(): SandboxUser {
    return this.data.currentUser;
  }

  /** Any page the store holds, trashed ones included; routes decide what a status filter shows. */
  getPage(id: string): SandboxPage | undefined {
    return this.pages.get(id);
  }

  /** Every page, trashed ones included, in creation order. */
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

  /** Current children in their position order. */
  childPages(pageId: string): SandboxPage[] {
    return this.siblings(pageId, null);
  }

  /** Current pages under `parentId` in position order; with a null parent, the top-level pages of `spaceKey`. */
  siblings(parentId: string | null, spaceKey: string | null): SandboxPage[] {
    return this.data.pages
      .filter((p) => p.status === 'current' && p.parentId === parentId && (parentId !== null || p.spaceKey === spaceKey))
      .sort((a, b) => a.position - b.position);
  }

  /** Root first, like v1 `ancestors`. */
  ancestors(page: Pick<SandboxPage, 'parentId'>): SandboxPage[] {
    const chain: SandboxPage[] = [];
    for (let id = page.parentId; id; id = this.pages.get(id)?.parentId ?? null) {
      const parent = this.pages.get(id);
      if (parent) chain.unshift(parent);
    }
    return chain;
  }

  /** Current pages at any depth below this one. */
  descendants(page: SandboxPage): SandboxPage[] {
    return this.childPages(page.id).flatMap((child) => [child, ...this.descendants(child)]);
  }

  /** The current page with this title in the space; Confluence compares titles without regard to case. */
  pageTitled(spaceKey: string, title: string): SandboxPage | undefined {
    const wanted = title.toLowerCase();
    return this.data.pages.find((p) => p.status === 'current' && p.spaceKey === spaceKey && p.title.toLowerCase() === wanted);
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

  /** Current pages only, rebuilt after any change so writes show up in CQL at once. */
  searchDocuments(): SearchDocument[] {
    this.documents ??= this.data.pages.filter((p) => p.status === 'current').map((p) => this.toDocument(p));
    return this.documents;
  }

  newId(): string {
    return String(++this.lastId);
  }

  addPage(page: SandboxPage): void {
    this.data.pages.push(page);
    this.pages.set(page.id, page);
    this.place(page, page.parentId);
  }

  /** Puts the page under `parentId` (null: the top of its space) at `index` among its siblings, or last. */
  place(page: SandboxPage, parentId: string | null, index?: number): void {
    const siblings = this.siblings(parentId, page.spaceKey).filter((p) => p.id !== page.id);
    siblings.splice(index ?? siblings.length, 0, page);
    page.parentId = parentId;
    siblings.forEach((p, i) => (p.position = i));
    this.changed();
  }

  /** Trashed, not purged; its children move up to its parent, as Confluence does. */
  trash(page: SandboxPage): void {
    page.status = 'trashed';
    for (const child of this.childPages(page.id)) this.place(child, page.parentId);
    this.changed();
  }

  purge(page: SandboxPage): void {
    this.data.pages.splice(this.data.pages.indexOf(page), 1);
    this.pages.delete(page.id);
    this.changed();
  }

  addComment(comment: SandboxComment): void {
    this.data.comments.push(comment);
  }

  /** Gone for good, with every reply below it: comments have no trash. */
  deleteComment(comment: SandboxComment): void {
    const doomed = new Set([comment.id]);
    for (let before = 0; before !== doomed.size; ) {
      before = doomed.size;
      this.data.comments.filter((c) => c.parentCommentId !== null && doomed.has(c.parentCommentId)).forEach((c) => doomed.add(c.id));
    }
    removeWhere(this.data.comments, (c) => doomed.has(c.id));
  }

  addAttachment(attachment: SandboxAttachment): void {
    this.data.attachments.push(attachment);
  }

  /** Gone for good, every version with it: deleting an attachment through the content API skips the trash. */
  deleteAttachment(attachment: SandboxAttachment): void {
    removeWhere(this.data.attachments, (a) => a.id === attachment.id);
    this.history.forgetAttachment(attachment.id);
  }

  /** A one-time token for the media host, standing in for the signed URL Cloud's download endpoint redirects to. */
  issueMediaToken(attachmentId: string, version: number): string {
    const token = randomBytes(18).toString('base64url');
    this.mediaTokens.set(token, { attachmentId, version });
    return token;
  }

  redeemMediaToken(token: string): MediaGrant | undefined {
    const grant = this.mediaTokens.get(token);
    this.mediaTokens.delete(token);
    return grant;
  }

  /** Call after changing a page's title, body, labels, place or status in place. */
  changed(): void {
    this.documents = null;
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

/** Removes matching items in place, so every holder of the array sees the change. */
function removeWhere<T>(items: T[], doomed: (item: T) => boolean): void {
  const kept = items.filter((item) => !doomed(item));
  items.splice(0, items.length, ...kept);
}
