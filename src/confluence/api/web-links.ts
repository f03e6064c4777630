/** Makes a Confluence web or download link absolute against the site base (`_links.base` or the connection's base URL). */
export function absoluteUrl(base: string, link: string): string {
  if (/^https?:\/\//i.test(link)) return link;
  const trimmedBase = base.endsWith('/') ? base.slice(0, -1) : base;
  return trimmedBase + (link.startsWith('/') ? link : `/${link}`);
}

/** A stable fallback when a listing carries no web link (v2 children, hand-built responses). */
export function pageUrlById(base: string, pageId: string): string {
  return absoluteUrl(base, `/pages/viewpage.action?pageId=${encodeURIComponent(pageId)}`);
}
