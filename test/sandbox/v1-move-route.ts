import { badRequest, badRequestException } from './errors';
import { checkNoLoop, checkTitleFree, requireCurrentPage } from './page-rules';
import { RouteContext, RouteResult } from './route-context';
import { SandboxPage } from './sandbox-model';

const POSITIONS = ['append', 'before', 'after'];

/**
 * `PUT /content/{pageId}/move/{position}/{targetId}`: `append` makes the page the target's last child,
 * `before`/`after` a sibling next to it (the top level when the target is top-level). A move into
 * another space takes the subtree along and refuses titles that space already has. No new version.
 */
export function movePage(ctx: RouteContext): RouteResult {
  const store = ctx.store;
  const position = ctx.params.position;
  if (!POSITIONS.includes(position)) throw badRequest(`Invalid position: ${position}, expected one of [append, before, after]`);
  const page = requireCurrentPage(store, ctx.params.pageId);
  const target = requireCurrentPage(store, ctx.params.targetId);
  if (target.id === page.id) throw badRequestException(`Cannot move page ${page.id} relative to itself`);
  const parentId = position === 'append' ? target.id : target.parentId;
  const parent = parentId ? store.getPage(parentId) : undefined;
  if (parent) checkNoLoop(store, page.id, parent);
  const moving = target.spaceKey === page.spaceKey ? [] : [page, ...store.descendants(page)];
  moving.forEach((p) => checkTitleFree(store, target.spaceKey, p.title));
  moving.forEach((p) => (p.spaceKey = target.spaceKey));
  store.place(page, parentId, indexFor(store.siblings(parentId, target.spaceKey), page, target, position));
  return { body: { pageId: page.id } };
}

function indexFor(siblings: SandboxPage[], page: SandboxPage, target: SandboxPage, position: string): number | undefined {
  if (position === 'append') return undefined;
  const at = siblings.filter((p) => p.id !== page.id).findIndex((p) => p.id === target.id);
  return position === 'before' ? at : at + 1;
}
