import { badRequestException, contentNotFound } from './errors';
import { firstParam, RouteContext, RouteResult } from './route-context';
import { SandboxPage } from './sandbox-model';

const DELETED: RouteResult = { status: 204, body: undefined };

/**
 * `DELETE /content/{id}`, as the Cloud v1 spec describes it: a current page goes to the trash, and only
 * `status=trashed` purges (only what is already trashed); a comment (with its replies) or an attachment
 * is deleted permanently, without a trash.
 */
export function deleteContent(ctx: RouteContext): RouteResult {
  const store = ctx.store;
  const id = ctx.params.id;
  const page = store.getPage(id);
  if (page) return deletePage(ctx, page);
  const comment = store.getComment(id);
  if (comment) return store.deleteComment(comment), DELETED;
  const attachment = store.getAttachment(id);
  if (attachment) return store.deleteAttachment(attachment), DELETED;
  throw contentNotFound(id);
}

function deletePage(ctx: RouteContext, page: SandboxPage): RouteResult {
  if (firstParam(ctx.query, 'status') === 'trashed') {
    if (page.status !== 'trashed') {
      throw badRequestException(`Unable to purge content with id: ContentId{id=${page.id}}`, [
        { translation: 'Trashable Content must be trashed before it can be purged' },
      ]);
    }
    ctx.store.purge(page);
    return DELETED;
  }
  if (page.status !== 'current') throw contentNotFound(page.id);
  ctx.store.trash(page);
  return DELETED;
}
