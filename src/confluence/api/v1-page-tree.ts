import { ConfluenceError, ConfluenceInvalidRequestError, ConfluenceNotFoundError } from '../confluence.errors';
import { MOVE_POSITIONS, type CallOptions, type MovePageRequest, type MovePosition, type Page, type WrittenPage } from '../confluence.types';
import { isLostResponse, readingBack, unconfirmedWrite } from './lost-response';
import { pathId } from './paging';
import type { V1Client } from './v1-client';
import type { PageReader, V1PageWriter } from './v1-page-writer';

/**
 * Where a page sits: trashing (never purging), counting what lies below it, and moving it within a
 * space (the v1 move endpoint) or to the top of another space (an update with the new space).
 */
export class V1PageTree {
  constructor(
    private readonly client: V1Client,
    private readonly reader: PageReader,
    private readonly writer: V1PageWriter,
  ) {}

  /** DELETE without `status=trashed` only ever trashes; a lost answer is settled by whether the page is still current. */
  async trashPage(pageId: string, opts?: CallOptions): Promise<void> {
    const path = `/rest/api/content/${pathId(pageId, 'page id')}`;
    try {
      await this.client.send('DELETE', path, {}, opts);
    } catch (error) {
      if (!isLostResponse(error)) throw error;
      const unconfirmed = (cause: ConfluenceError) => unconfirmedWrite(`Trashing page ${pageId}`, cause, `Read page ${pageId}`);
      if (!(await readingBack(() => unconfirmed(error), () => this.stillCurrent(pageId, opts)))) return;
      await this.client.send('DELETE', path, {}, opts).catch((second: unknown) => {
        throw isLostResponse(second) ? unconfirmed(second) : second;
      });
    }
  }

  /** Pages at any depth below this one, from CQL's `totalSize` (one small request on Cloud and Data Center alike). */
  async countDescendants(pageId: string, opts?: CallOptions): Promise<number> {
    const cql = `ancestor = ${pathId(pageId, 'page id')} AND type = page`;
    const answer = await this.client.get<{ totalSize?: number; size?: number }>('/rest/api/search', { cql, limit: 1 }, opts);
    return answer.totalSize ?? answer.size ?? 0;
  }

  async movePage(req: MovePageRequest, opts?: CallOptions): Promise<WrittenPage> {
    if ((req.targetId === undefined) === (req.targetSpaceKey === undefined)) {
      throw new ConfluenceInvalidRequestError('Give exactly one of a target page or a target space to move to.');
    }
    if (req.targetSpaceKey !== undefined) return this.moveToSpace(req.pageId, req.targetSpaceKey, opts);
    return this.moveBeside(req.pageId, req.position, req.targetId as string, opts);
  }

  private async moveToSpace(pageId: string, spaceKey: string, opts?: CallOptions): Promise<WrittenPage> {
    const page = await this.reader.getPage(pageId, opts);
    if (page.spaceKey === spaceKey) {
      throw new ConfluenceInvalidRequestError(
        `Page ${page.id} is already in space ${spaceKey}; to move it within the space, name a target page.`,
      );
    }
    return this.writer.moveToSpace(page, spaceKey, opts);
  }

  /**
   * A move changes no version; a lost answer is settled by where the page now sits (under the target, or
   * beside it: order among siblings is not checked), and the move is sent once more only if it has not happened.
   */
  private async moveBeside(pageId: string, position: MovePosition, targetId: string, opts?: CallOptions): Promise<WrittenPage> {
    if (!MOVE_POSITIONS.includes(position)) throw new ConfluenceInvalidRequestError(`Unknown move position "${position}".`);
    const path = `/rest/api/content/${pathId(pageId, 'page id')}/move/${position}/${pathId(targetId, 'target page id')}`;
    try {
      await this.client.send('PUT', path, {}, opts);
    } catch (error) {
      if (!isLostResponse(error)) throw error;
      const unconfirmed = (cause: ConfluenceError) => unconfirmedWrite(`Moving page ${pageId}`, cause, `Read page ${pageId}`);
      const moved = await readingBack(() => unconfirmed(error), () => this.movedAsAsked(pageId, position, targetId, opts));
      if (moved) return { ...written(moved), recovered: true };
      try {
        await this.client.send('PUT', path, {}, opts);
      } catch (second) {
        throw isLostResponse(second) ? unconfirmed(second) : second;
      }
    }
    return written(await this.reader.getPage(pageId, opts));
  }

  /** The page read back, when it already sits where the move asked. */
  private async movedAsAsked(pageId: string, position: MovePosition, targetId: string, opts?: CallOptions): Promise<Page | undefined> {
    const page = await this.reader.getPage(pageId, opts);
    return (await this.sitsAsAsked(page, position, targetId, opts)) ? page : undefined;
  }

  private async sitsAsAsked(page: Page, position: MovePosition, targetId: string, opts?: CallOptions): Promise<boolean> {
    const parentId = page.ancestors.at(-1)?.id;
    if (position === 'append') return parentId === targetId;
    const target = await this.reader.getPage(targetId, opts);
    return page.spaceKey === target.spaceKey && parentId === target.ancestors.at(-1)?.id;
  }

  private async stillCurrent(pageId: string, opts?: CallOptions): Promise<boolean> {
    try {
      const page = await this.reader.getPage(pageId, opts);
      return page.status === 'current';
    } catch (error) {
      if (error instanceof ConfluenceNotFoundError) return false;
      throw error;
    }
  }
}

function written(page: Page): WrittenPage {
  return { id: page.id, title: page.title, spaceKey: page.spaceKey, version: page.version, url: page.url };
}
