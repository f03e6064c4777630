import type { AttachmentDetails, CommentDetails, Page, PageVersion, WrittenPage } from '../confluence.types';
import { contentUrl, v1Attachment, v1Comment, v1User } from './v1-mappers';
import type { V1Content, V1Version } from './v1.types';

/** Translations of v1 write answers (and the reads that confirm them) into the domain; `base` as in v1-mappers. */

export function v1WrittenPage(content: V1Content, base: string): WrittenPage {
  return {
    id: content.id,
    title: content.title ?? '',
    spaceKey: content.space?.key ?? '',
    version: content.version?.number ?? 0,
    url: contentUrl(content, base),
  };
}

/** A page read back after a lost answer showed the write had been applied. */
export function recoveredPage(page: Page): WrittenPage {
  return { id: page.id, title: page.title, spaceKey: page.spaceKey, version: page.version, url: page.url, recovered: true };
}

/** A comment with its page and space: the container, or the space Confluence expanded on the comment itself. */
export function v1CommentDetails(content: V1Content, base: string): CommentDetails {
  return { ...v1Comment(content, base), ...containerOf(content) };
}

export function v1AttachmentDetails(content: V1Content, base: string): AttachmentDetails {
  return { ...v1Attachment(content, base), ...containerOf(content) };
}

export function v1PageVersion(version: V1Version): PageVersion {
  return {
    number: version.number ?? 0,
    author: v1User(version.by),
    createdAt: version.when,
    message: version.message ? version.message : undefined,
    minorEdit: version.minorEdit ?? false,
  };
}

function containerOf(content: V1Content): { pageId?: string; spaceKey?: string } {
  const container = content.container;
  const pageId = container?.id === undefined ? undefined : String(container.id);
  return { pageId, spaceKey: content.space?.key ?? container?.space?.key };
}
