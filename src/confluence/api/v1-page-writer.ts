import { ConfluenceConflictError, ConfluenceError, ConfluenceUnconfirmedWriteError } from '../confluence.errors';
import type { CallOptions, ConfluenceApi, Page, UpdatePageRequest, WrittenPage } from '../confluence.types';
import { isLostResponse, readingBack, unconfirmedWrite } from './lost-response';
import type { OwnAccount } from './own-account';
import { isTitleClash, staleVersionConflict, titleTakenConflict } from './page-conflicts';
import { pathId } from './paging';
import { sameStorage } from './storage-compare';
import type { V1Client } from './v1-client';
import { spaceMoveBody, updatePageBody } from './v1-page-bodies';
import type { V1TitleLookup } from './v1-title-lookup';
import { recoveredPage, v1WrittenPage } from './v1-write-mappers';
import type { V1Content } from './v1.types';

/** The reads a write needs to confirm itself; the API object provides them. */
export type PageReader = Pick<ConfluenceApi, 'getPage' | 'findPageByTitle' | 'getPageVersion'>;

/** One versioned PUT of a page and how to recognise it in the page read back after a lost answer. */
interface VersionedPut {
  pageId: string;
  baseVersion: number;
  body: Record<string, unknown>;
  /** The space a title clash is looked up in. */
  spaceKey?: string;
  title: string;
  /** Whether the page shows this write: only a positive sign, consulted when the version's author cannot be told. */
  landed: (page: Page) => boolean;
}

/**
 * Versioned page writes (updates, moves to another space) over REST v1 that never apply twice. A lost
 * answer (the request may have reached Confluence) is settled by who made the version after the base:
 * not by the body, which Confluence Cloud rewrites on save. Only when the page is still at the base
 * version, so the write certainly did not happen, is it sent once more.
 */
export class V1PageWriter {
  constructor(
    private readonly client: V1Client,
    private readonly reader: PageReader,
    private readonly titles: V1TitleLookup,
    private readonly account: OwnAccount,
  ) {}

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

  /** `lostBefore` is the lost answer of the first attempt when this is the one re-send. */
  private async putVersion(put: VersionedPut, opts?: CallOptions, lostBefore?: ConfluenceError): Promise<WrittenPage> {
    try {
      const content = await this.client.send<V1Content>('PUT', `/rest/api/content/${put.pageId}`, { body: put.body }, opts);
      return v1WrittenPage(content, content._links?.base ?? this.client.baseUrl);
    } catch (error) {
      if (error instanceof ConfluenceConflictError) return this.afterConflict(put, error, lostBefore, opts);
      if (!isLostResponse(error)) throw error;
      return this.afterLoss(put, error, lostBefore !== undefined, opts);
    }
  }

  /**
   * A version conflict after a re-send may be our own first attempt having landed late; otherwise it
   * is a conflict with the page's current state. A title clash names the page holding the title.
   */
  private async afterConflict(
    put: VersionedPut,
    error: ConfluenceConflictError,
    lostBefore: ConfluenceError | undefined,
    opts?: CallOptions,
  ): Promise<WrittenPage> {
    if (isTitleClash(error)) {
      const spaceKey = put.spaceKey ?? (await this.reader.getPage(put.pageId, opts)).spaceKey;
      const holder = await this.titles.titleHolder(spaceKey, put.title, opts);
      throw holder ? titleTakenConflict(spaceKey, put.title, holder) : error;
    }
    const page = await this.reader.getPage(put.pageId, opts);
    if (!lostBefore) throw staleVersionConflict(page, put.baseVersion);
    return this.settle(put, page, unconfirmedPut(put, lostBefore), opts);
  }

  private async afterLoss(put: VersionedPut, lost: ConfluenceError, resent: boolean, opts?: CallOptions): Promise<WrittenPage> {
    const unconfirmed = unconfirmedPut(put, lost);
    const page = await readingBack(() => unconfirmed, () => this.reader.getPage(put.pageId, opts));
    if (page.version !== put.baseVersion) return this.settle(put, page, unconfirmed, opts);
    if (resent) throw unconfirmed;
    return this.putVersion(put, opts, lost);
  }

  /**
   * The page moved past the base version: the write landed if our account made version base + 1 (read from
   * the history when the page has moved on further since), and lost the race if someone else did. When the
   * author cannot be told, a page at base + 1 that shows the write counts as landed; anything else stays unconfirmed.
   */
  private async settle(put: VersionedPut, page: Page, unconfirmed: ConfluenceUnconfirmedWriteError, opts?: CallOptions): Promise<WrittenPage> {
    const ours = put.baseVersion + 1;
    if (page.version < ours) throw staleVersionConflict(page, put.baseVersion);
    const next = page.version === ours ? page : await readingBack(() => unconfirmed, () => this.reader.getPageVersion(put.pageId, ours, opts));
    const whose = await this.account.authorship(next.updatedBy, opts);
    if (whose === 'ours') return recoveredPage(next);
    if (whose === 'theirs') throw staleVersionConflict(page, put.baseVersion);
    if (next === page && put.landed(page)) return recoveredPage(page);
    throw unconfirmed;
  }
}

function unconfirmedPut(put: VersionedPut, cause: ConfluenceError): ConfluenceUnconfirmedWriteError {
  return unconfirmedWrite(`Writing version ${put.baseVersion + 1} of page ${put.pageId}`, cause, `Read page ${put.pageId}`);
}
