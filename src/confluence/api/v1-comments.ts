import { ConfluenceNotFoundError } from '../confluence.errors';
import type { AddCommentRequest, CallOptions, CommentDetails } from '../confluence.types';
import { pathId } from './paging';
import type { V1Client } from './v1-client';
import { v1CommentDetails } from './v1-write-mappers';
import type { V1Content } from './v1.types';

/** Everything a comment answer needs: its body, author, thread position, and the page and space it belongs to. */
const COMMENT_EXPAND = 'body.storage,version,history,container,space,ancestors,extensions.inlineProperties';

/** Footer comments and replies over REST v1 (`POST /content` with `type: comment`), and reading one comment with its container. */
export class V1Comments {
  constructor(private readonly client: V1Client) {}

  /** A reply names its parent comment as the one ancestor, as Confluence's own editor does. Never re-sent after a lost answer. */
  async addComment(req: AddCommentRequest, opts?: CallOptions): Promise<CommentDetails> {
    const body = {
      type: 'comment',
      container: { id: pathId(req.pageId, 'page id'), type: 'page' },
      ...(req.parentCommentId ? { ancestors: [{ id: pathId(req.parentCommentId, 'comment id') }] } : {}),
      body: { storage: { value: req.storage, representation: 'storage' } },
    };
    const content = await this.client.send<V1Content>('POST', '/rest/api/content', { body, query: { expand: COMMENT_EXPAND } }, opts);
    return v1CommentDetails(content, content._links?.base ?? this.client.baseUrl);
  }

  /** An id that belongs to a page or attachment is "no such comment", so a page id cannot pass for a comment. */
  async getComment(commentId: string, opts?: CallOptions): Promise<CommentDetails> {
    const content = await this.client.get<V1Content>(`/rest/api/content/${pathId(commentId, 'comment id')}`, { expand: COMMENT_EXPAND }, opts);
    if (content.type !== 'comment') throw new ConfluenceNotFoundError(`No comment with id ${commentId}.`, 404);
    return v1CommentDetails(content, content._links?.base ?? this.client.baseUrl);
  }
}
