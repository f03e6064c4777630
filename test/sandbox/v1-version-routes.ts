import { badRequest, contentNotFound } from './errors';
import { requireCurrentPage } from './page-rules';
import { firstParam, listParam, RouteContext, RouteResult } from './route-context';
import { SandboxPage } from './sandbox-model';
import { selfLink } from './v1-links';
import { v1ListBody, v1Slice } from './v1-list';
import { V1Serializer } from './v1-serializers';

/**
 * `GET /content/{id}/version` (Cloud v1; Data Center serves the same list as `/rest/experimental/content/{id}/version`):
 * every version of the page, newest first, with author, date, message and minor-edit flag.
 */
export function listVersions(ctx: RouteContext): RouteResult {
  const page = requireCurrentPage(ctx.store, ctx.params.id);
  const serializer = new V1Serializer(ctx);
  const versions = ctx.store.history.versionsOf(page);
  return {
    body: v1ListBody(ctx, v1Slice(ctx, versions), (snapshot) => ({
      ...serializer.version(snapshot.version),
      _expandable: { content: `/rest/api/content/${page.id}`, collaborators: '' },
      _links: { self: selfLink(ctx, `/content/${page.id}/version/${snapshot.version.number}`) },
    })),
  };
}

/**
 * The page `GET /content/{id}` shows under its `status` and `version` parameters: by default only a
 * current page (a trashed one is 404 unless `status` asks for `trashed` or `any`); an older version only
 * with `status=historical`, as it was then and with status `historical`.
 */
export function pageAsRequested(ctx: RouteContext, page: SandboxPage): SandboxPage {
  const statuses = listParam(ctx.query, 'status');
  const wanted = statuses.length === 0 ? ['current'] : statuses;
  const shows = (status: string): boolean => wanted.includes('any') || wanted.includes(status);
  const versionParam = firstParam(ctx.query, 'version');
  const number = versionParam === undefined ? page.version.number : Number(versionParam);
  if (!Number.isInteger(number) || number < 1) throw badRequest(`Invalid value for 'version': ${versionParam}`);
  if (number === page.version.number) {
    if (!shows(page.status) && !(versionParam !== undefined && shows('historical') && page.status === 'current')) throw contentNotFound(page.id);
    return page;
  }
  const snapshot = shows('historical') && page.status === 'current' ? ctx.store.history.pageAt(page, number) : undefined;
  if (!snapshot) throw contentNotFound(page.id);
  return { ...page, ...snapshot, status: 'historical' };
}
