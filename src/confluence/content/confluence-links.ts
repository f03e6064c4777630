import type { Element } from 'domhandler';
import { attr, childElements } from './storage-parser';

/** Where links to other Confluence content should point. */
export interface LinkOptions {
  /** Site root, e.g. `https://x.atlassian.net/wiki`; page links become `<baseUrl>/display/SPACE/Title`. */
  baseUrl?: string;
  /** Space of the page being converted, used for page links that omit `ri:space-key`. */
  spaceKey?: string;
}

/** The `ri:*` resource an `ac:link` or `ac:image` points at, if any. */
export function linkedResource(element: Element): Element | undefined {
  return childElements(element).find((child) => child.name.startsWith('ri:'));
}

/** A resource's own readable name: page title, file name, URL, space key, user mention. */
export function resourceLabel(resource: Element): string {
  switch (resource.name) {
    case 'ri:page':
    case 'ri:blog-post':
      return attr(resource, 'ri:content-title') ?? '';
    case 'ri:attachment':
      return attr(resource, 'ri:filename') ?? '';
    case 'ri:url':
      return attr(resource, 'ri:value') ?? '';
    case 'ri:space':
      return attr(resource, 'ri:space-key') ?? '';
    case 'ri:user':
      return userMention(resource);
    default:
      return attr(resource, 'ri:content-id') ?? '';
  }
}

/** `@displayName` when known, else `@user(accountId | userkey | username)`. */
export function userMention(user: Element, displayName?: string): string {
  const name = displayName?.trim() || attr(user, 'ri:display-name');
  if (name) {
    return name.startsWith('@') ? name : `@${name}`;
  }
  const id = attr(user, 'ri:account-id') ?? attr(user, 'ri:userkey') ?? attr(user, 'ri:username') ?? '';
  return `@user(${id})`;
}

/**
 * The link target for a resource. Without a base URL, Confluence content gets a readable
 * pseudo-URL: `page:SPACE/Title`, `blogpost:SPACE/2024/01/31/Title`, `space:KEY`, `content:ID`.
 */
export function resourceTarget(resource: Element, anchor: string | undefined, options: LinkOptions): string {
  const fragment = anchor ? `#${anchor}` : '';
  switch (resource.name) {
    case 'ri:page':
      return pageTarget(resource, options) + fragment;
    case 'ri:blog-post':
      return blogPostTarget(resource, options) + fragment;
    case 'ri:space':
      return siteTarget(options, `display/${attr(resource, 'ri:space-key') ?? ''}`, 'space:') + fragment;
    case 'ri:attachment':
      return (attr(resource, 'ri:filename') ?? '') + fragment;
    case 'ri:url':
      return attr(resource, 'ri:value') ?? '';
    default:
      return contentTarget(resource, options) + fragment;
  }
}

function pageTarget(page: Element, options: LinkOptions): string {
  const space = attr(page, 'ri:space-key') ?? options.spaceKey;
  const title = encodeTitle(attr(page, 'ri:content-title') ?? '');
  if (options.baseUrl && space) {
    return `${trimSlash(options.baseUrl)}/display/${encodeURIComponent(space)}/${title}`;
  }
  return space ? `page:${space}/${title}` : `page:${title}`;
}

function blogPostTarget(post: Element, options: LinkOptions): string {
  const space = attr(post, 'ri:space-key') ?? options.spaceKey ?? '';
  const path = `${space}/${attr(post, 'ri:posting-day') ?? ''}/${encodeTitle(attr(post, 'ri:content-title') ?? '')}`;
  return siteTarget(options, `display/${path}`, 'blogpost:');
}

function contentTarget(resource: Element, options: LinkOptions): string {
  const id = attr(resource, 'ri:content-id') ?? '';
  return options.baseUrl ? `${trimSlash(options.baseUrl)}/pages/viewpage.action?pageId=${id}` : `content:${id}`;
}

function siteTarget(options: LinkOptions, sitePath: string, scheme: string): string {
  return options.baseUrl ? `${trimSlash(options.baseUrl)}/${sitePath}` : `${scheme}${sitePath.replace(/^display\//, '')}`;
}

function encodeTitle(title: string): string {
  return encodeURIComponent(title).replace(/%20/g, '+');
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
