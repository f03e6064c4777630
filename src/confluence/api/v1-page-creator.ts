import {
  ConfluenceConflictError,
  ConfluenceError,
  ConfluenceNotFoundError,
  ConfluencePermissionError,
  ConfluenceUnconfirmedWriteError,
} from '../confluence.errors';
import type { CallOptions, CreatePageRequest, Page, WrittenPage } from '../confluence.types';
import { isLostResponse, readingBack, unconfirmedWrite } from './lost-response';
import { madeSince, OwnAccount } from './own-account';
import { isTitleClash, titleTakenConflict } from './page-conflicts';
import { noSuchSpace, spaceKeyPath } from './space-keys';
import type { V1Client } from './v1-client';
import { createPageBody } from './v1-page-bodies';
import type { V1TitleLookup } from './v1-title-lookup';
import { recoveredPage, v1WrittenPage } from './v1-write-mappers';
import type { V1Content } from './v1.types';

/**
 * Page creates over REST v1 that never apply twice. A lost answer (the request may have reached Confluence)
 * is settled by the page now holding the title: ours only if our account created it after the request
 * started. Only when the title is still free is the POST sent once more.
 */
export class V1PageCreator {
  constructor(
    private readonly client: V1Client,
    private readonly titles: V1TitleLookup,
    private readonly account: OwnAccount,
  ) {}

  async createPage(req: CreatePageRequest, opts?: CallOptions): Promise<WrittenPage> {
    const taken = await this.titles.pageTitled(req.spaceKey, req.title, opts);
    if (taken) throw titleTakenConflict(req.spaceKey, req.title, taken);
    const startedAt = Date.now();
    try {
      return await this.post(req, opts);
    } catch (error) {
      if (isLostResponse(error)) return this.recover(req, startedAt, error, opts);
      throw await this.explainFailure(req, error, opts);
    }
  }

  private async post(req: CreatePageRequest, opts?: CallOptions): Promise<WrittenPage> {
    const content = await this.client.send<V1Content>('POST', '/rest/api/content', { body: createPageBody(req) }, opts);
    return v1WrittenPage(content, content._links?.base ?? this.client.baseUrl);
  }

  /** The title was free before the lost POST; if it still is, the POST certainly did not apply and is sent once more. */
  private async recover(req: CreatePageRequest, startedAt: number, lost: ConfluenceError, opts?: CallOptions): Promise<WrittenPage> {
    const holder = await this.holderAfter(req, lost, opts);
    if (holder) return this.claim(req, holder, startedAt, lost, opts);
    try {
      return await this.post(req, opts);
    } catch (error) {
      const lostAgain = isLostResponse(error);
      if (!lostAgain && !(error instanceof ConfluenceConflictError)) throw await this.explainFailure(req, error, opts);
      const cause = lostAgain ? error : lost;
      const page = await this.holderAfter(req, cause, opts);
      if (page) return this.claim(req, page, startedAt, cause, opts);
      throw lostAgain ? unconfirmedCreate(req, error) : await this.explainFailure(req, error, opts);
    }
  }

  private holderAfter(req: CreatePageRequest, lost: ConfluenceError, opts?: CallOptions): Promise<Page | undefined> {
    return readingBack(() => unconfirmedCreate(req, lost), () => this.titles.pageTitled(req.spaceKey, req.title, opts));
  }

  /**
   * The page holding the title is ours only if our account created it since the request started; a page
   * someone else made, or one we made before, is a title conflict naming it. Unknown authorship stays unconfirmed.
   */
  private async claim(req: CreatePageRequest, page: Page, startedAt: number, lost: ConfluenceError, opts?: CallOptions): Promise<WrittenPage> {
    const whose = await this.account.authorship(page.author, opts);
    const fresh = madeSince(page.createdAt, startedAt);
    if (whose === 'theirs' || (whose === 'ours' && fresh === false)) throw titleTakenConflict(req.spaceKey, req.title, page);
    if (whose === 'ours' && fresh) return recoveredPage(page);
    throw unconfirmedCreate(req, lost, `Read page ${page.id}, which now holds the title, to see whether it is this one,`);
  }

  /** Confluence's own title clash gets the existing page's id; a refusal for a space that does not exist says so. */
  private async explainFailure(req: CreatePageRequest, error: unknown, opts?: CallOptions): Promise<unknown> {
    if (error instanceof ConfluenceConflictError && isTitleClash(error)) {
      const holder = await this.titles.titleHolder(req.spaceKey, req.title, opts);
      return holder ? titleTakenConflict(req.spaceKey, req.title, holder) : error;
    }
    if (error instanceof ConfluencePermissionError || error instanceof ConfluenceNotFoundError) {
      const exists = await this.spaceExists(req.spaceKey, opts);
      return exists ? error : noSuchSpace(req.spaceKey);
    }
    return error;
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

function unconfirmedCreate(
  req: CreatePageRequest,
  cause: ConfluenceError,
  check = `Look for the page titled "${req.title}" in space ${req.spaceKey}`,
): ConfluenceUnconfirmedWriteError {
  return unconfirmedWrite(`Creating page "${req.title}" in space ${req.spaceKey}`, cause, check);
}
