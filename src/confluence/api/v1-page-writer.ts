import {
  ConfluenceConflictError,
  ConfluenceNotFoundError,
  ConfluencePermissionError,
  ConfluenceUnavailableError,
} from '../confluence.errors';
import type { CallOptions, ConfluenceApi, CreatePageRequest, Page, UpdatePageRequest, WrittenPage } from '../confluence.types';
import { escapeCqlString } from '../cql';
import { isLostResponse, unconfirmedWrite } from './lost-response';
import { isTitleClash, staleVersionConflict, titleTakenConflict } from './page-conflicts';
import { pathId } from './paging';
import { noSuchSpace, spaceKeyPath } from './space-keys';
import { sameStorage } from './storage-compare';
import type { V1Client } from './v1-client';
import { createPageBody, spaceMoveBody, updatePageBody } from './v1-page-bodies';
import { v1WrittenPage } from './v1-write-mappers';
import type { V1Content, V1PagedList, V1SearchResult } from './v1.types';

/** The reads a write needs to confirm itself; the API object provides them. */
export type PageReader = Pick<ConfluenceApi, 'getPage' | 'findPageByTitle'>;

/** One versioned PUT of a page and how to recognise it in the page read back after a lost answer. */
interface VersionedPut {
  pageId: string;
  baseVersion: number;
  body: Record<string, unknown>;
  /** The space a title clash is looked up in. */
  spaceKey?: string;
  title: string;
  landed: (page: Page) => boolean;
}

/**
 * Page creates and updates over REST v1 that never apply twice. A lost answer (the request may have
 * reached Confluence) is settled by reading back: a create by its space and title, an update by the
 * page's version and body. Only when the read shows the write certainly did not happen is it sent once more.
 */
export class V1PageWriter {
  constructor(
    private readonly client: V1Client,
    private readonly reader: PageReader,
  ) {}

  async createPage(req: CreatePageRequest, opts?: CallOptions): Promise<WrittenPage> {
    const taken = await this.pageTitled(req.spaceKey, req.title, opts);
    if (taken) throw titleTakenConflict(req.spaceKey, req.title, taken);
    try {
      return await this.post(req, opts);
    } catch (error) {
      if (isLostResponse(error)) return this.recoverCreate(req, opts);
      throw await this.explainCreateFailure(req, error, opts);
    }
  }

  async updatePage(req: UpdatePageRequest, opts?: CallOptions): Promise<WrittenPage> {
    return this.putVersion(
      {
        pageId: pathId(req.pageId, 'page id'),
        baseVersion: req.baseVersion,
        body: updatePageBody(req),
        title: req.title,
        landed: (page) =>
          page.title === req.title &&
          sameStorage(page.storage, req.storage) &&
          (req.parentId === undefined || page.ancestors.at(-1)?.id === req.parentId),
      },
      opts,
    );
  }

  /** Moves a page (and, as Confluence does, its subtree) to the top level of another space, as a new version. */
  async moveToSpace(page: Page, spaceKey: string, opts?: CallOptions): Promise<WrittenPage> {
    return this.putVersion(
      {
        pageId: pathId(page.id, 'page id'),
        baseVersion: page.version,
        body: spaceMoveBody(page, spaceKey),
        spaceKey,
        title: page.title,
        landed: (current) => current.spaceKey === spaceKey && current.ancestors.length === 0,
      },
      opts,
    );
  }

  private async post(req: CreatePageRequest, opts?: CallOptions): Promise<WrittenPage> {
    const content = await this.client.send<V1Content>('POST', '/rest/api/content', { body: createPageBody(req) }, opts);
    return v1WrittenPage(content, content._links?.base ?? this.client.baseUrl);
  }

  /** The title was free before the lost POST, so a page holding it now is ours; if there is none, the POST is sent once more. */
  private async recoverCreate(req: CreatePageRequest, opts?: CallOptions): Promise<WrittenPage> {
    const landed = await this.pageTitled(req.spaceKey, req.title, opts);
    if (landed) return recovered(landed);
    try {
      return await this.post(req, opts);
    } catch (error) {
      const lateFirst = error instanceof ConfluenceConflictError || isLostResponse(error);
      const page = lateFirst ? await this.pageTitled(req.spaceKey, req.title, opts) : undefined;
      if (page) return recovered(page);
      throw isLostResponse(error) ? unconfirmedWrite(`Creating page "${req.title}"`, error) : error;
    }
  }

  /** Confluence's own title clash gets the existing page's id; a refusal for a space that does not exist says so. */
  private async explainCreateFailure(req: CreatePageRequest, error: unknown, opts?: CallOptions): Promise<unknown> {
    if (error instanceof ConfluenceConflictError && isTitleClash(error)) {
      const holder = await this.titleHolder(req.spaceKey, req.title, opts);
      return holder ? titleTakenConflict(req.spaceKey, req.title, holder) : error;
    }
    if (error instanceof ConfluencePermissionError || error instanceof ConfluenceNotFoundError) {
      const exists = await this.spaceExists(req.spaceKey, opts);
      return exists ? error : noSuchSpace(req.spaceKey);
    }
    return error;
  }

  private async putVersion(put: VersionedPut, opts?: CallOptions, resent = false): Promise<WrittenPage> {
    try {
      const content = await this.client.send<V1Content>('PUT', `/rest/api/content/${put.pageId}`, { body: put.body }, opts);
      return v1WrittenPage(content, content._links?.base ?? this.client.baseUrl);
    } catch (error) {
      if (error instanceof ConfluenceConflictError) return this.afterConflict(put, error, resent, opts);
      if (!isLostResponse(error)) throw error;
      return this.afterLoss(put, error, resent, opts);
    }
  }

  /**
   * A version conflict after a re-send may be our own first attempt having landed late; otherwise it
   * is a conflict with the page's current state. A title clash names the page holding the title.
   */
  private async afterConflict(put: VersionedPut, error: ConfluenceConflictError, resent: boolean, opts?: CallOptions): Promise<WrittenPage> {
    if (isTitleClash(error)) {
      const spaceKey = put.spaceKey ?? (await this.reader.getPage(put.pageId, opts)).spaceKey;
      const holder = await this.titleHolder(spaceKey, put.title, opts);
      throw holder ? titleTakenConflict(spaceKey, put.title, holder) : error;
    }
    const page = await this.reader.getPage(put.pageId, opts);
    if (resent && isOurVersion(page, put)) return recovered(page);
    throw staleVersionConflict(page, put.baseVersion);
  }

  private async afterLoss(put: VersionedPut, lost: ConfluenceUnavailableError, resent: boolean, opts?: CallOptions): Promise<WrittenPage> {
    const page = await this.reader.getPage(put.pageId, opts);
    if (isOurVersion(page, put)) return recovered(page);
    if (page.version !== put.baseVersion) throw staleVersionConflict(page, put.baseVersion);
    if (resent) throw unconfirmedWrite(`Updating page ${put.pageId}`, lost);
    return this.putVersion(put, opts, true);
  }

  /** The page with this exact title in the space, or undefined when there certainly is none. */
  private async pageTitled(spaceKey: string, title: string, opts?: CallOptions): Promise<Page | undefined> {
    try {
      return await this.reader.findPageByTitle(spaceKey, title, opts);
    } catch (error) {
      if (error instanceof ConfluenceNotFoundError) return undefined;
      throw error;
    }
  }

  /**
   * The page whose title clashes: the exact lookup first, then CQL, whose `title =` ignores case as
   * Confluence's uniqueness check does (so "runbook" finds the clash with "Runbook").
   */
  private async titleHolder(spaceKey: string, title: string, opts?: CallOptions): Promise<{ id: string } | undefined> {
    const exact = await this.pageTitled(spaceKey, title, opts);
    if (exact) return exact;
    const cql = `space = ${escapeCqlString(spaceKey)} AND type = page AND title = ${escapeCqlString(title)}`;
    const found = await this.client.get<V1PagedList<V1SearchResult>>('/rest/api/search', { cql, limit: 1 }, opts);
    const id = found.results?.[0]?.content?.id;
    return id ? { id } : undefined;
  }

  private async spaceExists(spaceKey: string, opts?: CallOptions): Promise<boolean> {
    try {
      await this.client.get(`/rest/api/space/${spaceKeyPath(spaceKey)}`, {}, opts);
      return true;
    } catch (error) {
      if (error instanceof ConfluenceNotFoundError) return false;
      throw error;
    }
  }
}

function isOurVersion(page: Page, put: VersionedPut): boolean {
  return page.version === put.baseVersion + 1 && put.landed(page);
}

function recovered(page: Page): WrittenPage {
  return { id: page.id, title: page.title, spaceKey: page.spaceKey, version: page.version, url: page.url, recovered: true };
}
