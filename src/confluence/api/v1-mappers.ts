import type {
  Attachment,
  Comment,
  ConfluenceUser,
  Label,
  Page,
  PageSummary,
  SearchHit,
  Space,
} from '../confluence.types';
import { plainExcerpt } from './excerpt';
import type { V1Content, V1Label, V1SearchResult, V1Space, V1User } from './v1.types';
import { absoluteUrl, pageUrlById } from './web-links';

/** Pure translations from Confluence REST v1 JSON to our domain; `base` is `_links.base` or the connection's base URL. */

export function v1User(user: V1User | undefined): ConfluenceUser | undefined {
  const displayName = user?.displayName ?? user?.publicName ?? user?.username;
  if (!user || !displayName) return undefined;
  return { accountId: userIdOf(user), ...(user.username ? { username: user.username } : {}), displayName };
}

/** The account id (Cloud) or user key (Data Center) that identifies a user. */
export function userIdOf(user: V1User): string | undefined {
  return user.accountId ?? user.userKey;
}

/** Confluence answers `/user/current` for ignored or missing credentials with an anonymous user rather than 401. */
export function isAnonymousUser(user: V1User): boolean {
  if (user.type?.toLowerCase() === 'anonymous') return true;
  return ![user.accountId, user.username, user.userKey].some((id) => typeof id === 'string' && id.trim() !== '');
}

export function v1Page(content: V1Content, base: string): Page {
  const created = creation(content);
  return {
    id: content.id,
    type: content.type ?? 'page',
    title: content.title ?? '',
    spaceKey: content.space?.key ?? '',
    status: content.status ?? 'current',
    version: content.version?.number ?? 0,
    author: created.author,
    createdAt: created.at,
    updatedBy: v1User(content.version?.by),
    updatedAt: content.version?.when,
    url: contentUrl(content, base),
    ancestors: (content.ancestors ?? []).map((ancestor) => ({ id: ancestor.id, title: ancestor.title ?? '' })),
    labels: (content.metadata?.labels?.results ?? []).map((label) => label.name ?? '').filter(Boolean),
    storage: content.body?.storage?.value ?? '',
  };
}

export function v1PageSummary(content: V1Content, base: string, parentId?: string): PageSummary {
  return {
    id: content.id,
    title: content.title ?? '',
    parentId: parentId ?? content.ancestors?.at(-1)?.id,
    version: content.version?.number ?? 0,
    updatedAt: content.version?.when,
    url: contentUrl(content, base),
  };
}

export function v1Space(space: V1Space, base: string): Space {
  const key = space.key ?? '';
  return {
    id: String(space.id ?? ''),
    key,
    name: space.name ?? key,
    type: space.type ?? 'global',
    status: space.status ?? 'current',
    url: absoluteUrl(base, space._links?.webui ?? `/spaces/${encodeURIComponent(key)}`),
  };
}

/** Replies carry their parent comment as the last `comment` ancestor; inline comments say so in `extensions.location`. */
export function v1Comment(content: V1Content, base: string): Comment {
  const created = creation(content);
  const parent = (content.ancestors ?? []).filter((ancestor) => ancestor.type === 'comment').at(-1);
  return {
    id: content.id,
    author: created.author,
    createdAt: created.at,
    storage: content.body?.storage?.value ?? '',
    parentId: parent?.id,
    inline: content.extensions?.location === 'inline',
    url: contentUrl(content, base),
  };
}

export function v1Attachment(content: V1Content, base: string): Attachment {
  const download = content._links?.download;
  return {
    id: content.id,
    title: content.title ?? '',
    mediaType: content.extensions?.mediaType ?? content.metadata?.mediaType ?? 'application/octet-stream',
    fileSize: content.extensions?.fileSize ?? 0,
    version: content.version?.number ?? 1,
    createdAt: creation(content).at,
    downloadUrl: download ? absoluteUrl(base, download) : contentUrl(content, base),
  };
}

export function v1Label(label: V1Label): Label {
  return { name: label.name ?? '', prefix: label.prefix ?? 'global' };
}

/** Search results are content (or spaces); the space key comes from the content or the result's container URL. */
export function v1SearchHit(result: V1SearchResult, base: string): SearchHit | undefined {
  const content = result.content;
  if (!content && !result.space) return undefined;
  return {
    id: content?.id ?? String(result.space?.id ?? result.space?.key ?? ''),
    type: content?.type ?? 'space',
    title: content?.title ?? (plainExcerpt(result.title) || result.space?.name || ''),
    spaceKey: content?.space?.key ?? result.space?.key ?? spaceKeyFromDisplayUrl(result.resultGlobalContainer?.displayUrl),
    url: searchHitUrl(result, base),
    excerpt: plainExcerpt(result.excerpt),
    lastModified: result.lastModified ?? content?.version?.when,
  };
}

function searchHitUrl(result: V1SearchResult, base: string): string {
  const link = result.url ?? result.content?._links?.webui ?? result.space?._links?.webui;
  if (link) return absoluteUrl(base, link);
  return result.content ? pageUrlById(base, result.content.id) : base;
}

function spaceKeyFromDisplayUrl(displayUrl: string | undefined): string | undefined {
  const match = displayUrl ? /\/spaces\/([^/?#]+)/.exec(displayUrl) : null;
  return match ? decodeURIComponent(match[1]) : undefined;
}

/**
 * Creator and creation time from `history`; without it, version 1's author and date are the same facts.
 */
function creation(content: V1Content): { author?: ConfluenceUser; at?: string } {
  if (content.history) return { author: v1User(content.history.createdBy), at: content.history.createdDate };
  if (content.version?.number === 1) return { author: v1User(content.version.by), at: content.version.when };
  return {};
}

/** The content's web link, or the stable by-id link when Confluence sent none. */
export function contentUrl(content: V1Content, base: string): string {
  const webui = content._links?.webui;
  return webui ? absoluteUrl(base, webui) : pageUrlById(base, content.id);
}
