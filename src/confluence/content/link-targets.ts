import type { LinkOptions } from './confluence-links';
import { xmlElement } from './storage-xml';

/** What a markdown link or image target points at, read back from the forms confluence-links.ts writes. */
export type LinkTarget =
  | { kind: 'page'; space?: string; title: string; anchor?: string }
  | { kind: 'blogpost'; space?: string; postingDay: string; title: string; anchor?: string }
  | { kind: 'space'; space: string; anchor?: string }
  | { kind: 'content'; id: string; anchor?: string }
  | { kind: 'attachment'; filename: string; anchor?: string }
  | { kind: 'anchor'; anchor: string }
  | { kind: 'url'; url: string };

const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;
const PAGE_ID = /^pages\/viewpage\.action\?pageId=(\d+)$/;

/**
 * Reads a link target: `page:SPACE/Title`, `<baseUrl>/display/SPACE/Title`, blog posts, spaces and
 * content ids in the same two forms, `#anchor`, a bare file name (an attachment of the page), or any
 * other URL.
 */
export function parseLinkTarget(target: string, options: LinkOptions): LinkTarget {
  if (target.startsWith('#') && target.length > 1) {
    return { kind: 'anchor', anchor: target.slice(1) };
  }
  const hash = target.indexOf('#');
  const path = hash < 0 ? target : target.slice(0, hash);
  const anchor = hash < 0 ? undefined : target.slice(hash + 1);
  const confluence = confluencePath(path, options);
  if (confluence !== undefined) {
    return confluenceTarget(confluence, anchor, options) ?? { kind: 'url', url: target };
  }
  if (SCHEME.test(target) || /[/?\\]/.test(path) || path === '' || path.startsWith('.')) {
    return { kind: 'url', url: target };
  }
  return { kind: 'attachment', filename: path, anchor };
}

/** The `ri:` resource element for a target (the one inside `ac:link` or `ac:image`). */
export function resourceStorage(target: LinkTarget): string {
  switch (target.kind) {
    case 'page':
      return xmlElement('ri:page', { 'ri:space-key': target.space, 'ri:content-title': target.title });
    case 'blogpost':
      return xmlElement('ri:blog-post', { 'ri:space-key': target.space, 'ri:content-title': target.title, 'ri:posting-day': target.postingDay });
    case 'space':
      return xmlElement('ri:space', { 'ri:space-key': target.space });
    case 'content':
      return xmlElement('ri:content-entity', { 'ri:content-id': target.id });
    case 'attachment':
      return xmlElement('ri:attachment', { 'ri:filename': target.filename });
    case 'url':
      return xmlElement('ri:url', { 'ri:value': target.url });
    default:
      return '';
  }
}

/** The text the reader shows for a link without a body of its own, so such a link is written without one. */
export function defaultLinkLabel(target: LinkTarget): string {
  switch (target.kind) {
    case 'page':
    case 'blogpost':
      return target.title;
    case 'space':
      return target.space;
    case 'content':
      return target.id;
    case 'attachment':
      return target.filename;
    case 'anchor':
      return target.anchor;
    default:
      return target.url;
  }
}

/** `page:…`-style pseudo-URLs and site URLs under the base URL, as `scheme:rest` (undefined for anything else). */
function confluencePath(path: string, options: LinkOptions): string | undefined {
  const pseudo = /^(page|blogpost|space|content):/.exec(path);
  if (pseudo) {
    return path;
  }
  const base = options.baseUrl?.replace(/\/+$/, '');
  if (!base || !path.startsWith(`${base}/`)) {
    return undefined;
  }
  const rest = path.slice(base.length + 1);
  const pageId = PAGE_ID.exec(rest);
  if (pageId) {
    return `content:${pageId[1]}`;
  }
  if (!rest.startsWith('display/')) {
    return undefined;
  }
  const segments = rest.slice('display/'.length).split('/');
  if (segments.length === 1) return `space:${segments[0]}`;
  return segments.length === 5 ? `blogpost:${segments.join('/')}` : `page:${segments.join('/')}`;
}

function confluenceTarget(path: string, anchor: string | undefined, options: LinkOptions): LinkTarget | undefined {
  const colon = path.indexOf(':');
  const scheme = path.slice(0, colon);
  const segments = path.slice(colon + 1).split('/');
  switch (scheme) {
    case 'page':
      if (segments.length > 2) return undefined;
      return {
        kind: 'page',
        space: segments.length === 2 ? ownSpace(decodeSegment(segments[0]), options) : undefined,
        title: decodeSegment(segments[segments.length - 1]),
        anchor,
      };
    case 'blogpost':
      if (segments.length !== 5) return undefined;
      return {
        kind: 'blogpost',
        space: ownSpace(decodeSegment(segments[0]), options),
        postingDay: segments.slice(1, 4).join('/'),
        title: decodeSegment(segments[4]),
        anchor,
      };
    case 'space':
      return segments.length === 1 ? { kind: 'space', space: decodeSegment(segments[0]), anchor } : undefined;
    default:
      return segments.length === 1 && /^\d+$/.test(segments[0]) ? { kind: 'content', id: segments[0], anchor } : undefined;
  }
}

/** A link into the page's own space needs no space key. */
function ownSpace(space: string, options: LinkOptions): string | undefined {
  return space === '' || space === options.spaceKey ? undefined : space;
}

/** Undoes confluence-links.ts' title encoding (URI components with `+` for spaces). */
function decodeSegment(segment: string): string {
  const spaced = segment.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}
