import { ConfluenceError, ConfluenceNotFoundError } from '../confluence.errors';
import type { AddCommentRequest, CallOptions, Comment, CommentDetails, ConfluenceApi } from '../confluence.types';
import { isLostResponse, readingBack, unconfirmedWrite } from './lost-response';
import { madeSince, OwnAccount } from './own-account';
import { pathId } from './paging';
import { sameStorage } from './storage-compare';
import type { V1Client } from './v1-client';
import { v1CommentDetails } from './v1-write-mappers';
import type { V1Content } from './v1.types';

/** Everything a comment answer needs: its body, author, thread position, and the page and space it belongs to. */
const COMMENT_EXPAND = 'body.storage,version,history,container,space,ancestors,extensions.inlineProperties';
/** How far a lost comment is looked for: the page's comments, oldest first, up to this many listings of 100. */
const SCAN_LISTINGS = 10;
const SCAN_LIMIT = 100;

/** Footer comments and replies over REST v1 (`POST /content` with `type: comment`), and reading one comment with its container. */
export class V1Comments {
  constructor(
    private readonly client: V1Client,
    private readonly reader: Pick<ConfluenceApi, 'listComments'>,
    private readonly account: OwnAccount,
  ) {}

  /** A reply names its parent comment as the one ancestor, as Confluence's own editor does. Never re-sent after a lost answer. */
  async addComment(req: AddCommentRequest, opts?: CallOptions): Promise<CommentDetails> {
    const body = {
      type: 'comment',
      container: { id: pathId(req.pageId, 'page id'), type: 'page' },
      ...(req.parentCommentId ? { ancestors: [{ id: pathId(req.parentCommentId, 'comment id') }] } : {}),
      body: { storage: { value: req.storage, representation: 'storage' } },
    };
    const startedAt = Date.now();
    try {
      const content = await this.client.send<V1Content>('POST', '/rest/api/content', { body, query: { expand: COMMENT_EXPAND } }, opts);
      return v1CommentDetails(content, content._links?.base ?? this.client.baseUrl);
    } catch (error) {
      if (!isLostResponse(error)) throw error;
      return this.recover(req, startedAt, error, opts);
    }
  }

  /** An id that belongs to a page or attachment is "no such comment", so a page id cannot pass for a comment. */
  async getComment(commentId: string, opts?: CallOptions): Promise<CommentDetails> {
    const content = await this.client.get<V1Content>(`/rest/api/content/${pathId(commentId, 'comment id')}`, { expand: COMMENT_EXPAND }, opts);
    if (content.type !== 'comment') throw new ConfluenceNotFoundError(`No comment with id ${commentId}.`, 404);
    return v1CommentDetails(content, content._links?.base ?? this.client.baseUrl);
  }

  /**
   * A comment has no version or unique key to re-send against, so a lost one is settled only by finding it:
   * on that page, under that parent, with that body, by our account, made since the request started.
   * Not found (Cloud may also have rewritten the body) is reported as unconfirmed, never re-sent.
   */
  private async recover(req: AddCommentRequest, startedAt: number, lost: ConfluenceError, opts?: CallOptions): Promise<CommentDetails> {
    const where = req.parentCommentId ? `comment ${req.parentCommentId} on page ${req.pageId}` : `page ${req.pageId}`;
    const unconfirmed = () => unconfirmedWrite(`Adding a comment to ${where}`, lost, `List the comments of page ${req.pageId}`);
    const found = await readingBack(unconfirmed, () => this.findOurs(req, startedAt, opts));
    if (!found) throw unconfirmed();
    return { ...(await readingBack(unconfirmed, () => this.getComment(found.id, opts))), recovered: true };
  }

  /** The newest comment that matches the lost request, or undefined. */
  private async findOurs(req: AddCommentRequest, startedAt: number, opts?: CallOptions): Promise<Comment | undefined> {
    const matches: Comment[] = [];
    let cursor: string | undefined;
    for (let listing = 0; listing < SCAN_LISTINGS; listing++) {
      const page = await this.reader.listComments({ pageId: req.pageId, includeInline: false, limit: SCAN_LIMIT, cursor }, opts);
      for (const comment of page.items) if (await this.isOurs(comment, req, startedAt, opts)) matches.push(comment);
      cursor = page.nextCursor;
      if (!cursor) break;
    }
    return matches.at(-1);
  }

  private async isOurs(comment: Comment, req: AddCommentRequest, startedAt: number, opts?: CallOptions): Promise<boolean> {
    if (comment.parentId !== req.parentCommentId || !sameStorage(comment.storage, req.storage)) return false;
    if (madeSince(comment.createdAt, startedAt) !== true) return false;
    return (await this.account.authorship(comment.author, opts)) === 'ours';
  }
}
