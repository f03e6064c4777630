import { RouteContext, siteBase, siteContext } from './route-context';
import { SandboxPage, SandboxSpace } from './sandbox-model';

type LinkContext = Pick<RouteContext, 'layout' | 'origin' | 'contextPath'>;

/** `_links` of v1 objects: web UI paths as Cloud or Data Center shape them, plus absolute `self`. */
export function selfLink(ctx: LinkContext, apiPath: string): string {
  return `${siteBase(ctx)}/rest/api${apiPath}`;
}

export function pageWebui(ctx: LinkContext, page: Pick<SandboxPage, 'id' | 'title' | 'spaceKey'>): string {
  if (ctx.layout === 'dc') return `/pages/viewpage.action?pageId=${page.id}`;
  return `/spaces/${encodeURIComponent(page.spaceKey)}/pages/${page.id}/${encodeTitle(page.title)}`;
}

export function spaceWebui(ctx: LinkContext, space: SandboxSpace): string {
  return ctx.layout === 'dc' ? `/display/${encodeURIComponent(space.key)}` : `/spaces/${encodeURIComponent(space.key)}`;
}

export function tinyui(id: string): string {
  return `/x/${Buffer.from(Number(id).toString(36)).toString('base64url')}`;
}

export function downloadPath(pageId: string, title: string, version: number): string {
  return `/download/attachments/${pageId}/${encodeURIComponent(title)}?version=${version}&modificationDate=1705050000000&api=v2`;
}

export function listLinks(ctx: RouteContext, next: string | null): Record<string, string> {
  const self = `${siteBase(ctx)}${ctx.path.slice(siteContext(ctx).length)}`;
  const links: Record<string, string> = { base: siteBase(ctx), context: siteContext(ctx), self };
  if (next) links.next = next;
  return links;
}

/** Adds `base` and `context` to the top-level `_links` of a single-object answer, as Confluence does. */
export function withSiteLinks(ctx: LinkContext, body: Record<string, unknown>): Record<string, unknown> {
  const links = (body._links ?? {}) as Record<string, string>;
  return { ...body, _links: { ...links, base: siteBase(ctx), context: siteContext(ctx) } };
}

function encodeTitle(title: string): string {
  return title.split(' ').map(encodeURIComponent).join('+');
}
