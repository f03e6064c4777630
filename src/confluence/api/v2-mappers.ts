import type { Attachment, Label, PageSummary, Space } from '../confluence.types';
import type { V2Attachment, V2Label, V2Page, V2Space } from './v2.types';
import { absoluteUrl, pageUrlById } from './web-links';

/** Pure translations from Confluence Cloud REST v2 JSON to our domain; `base` is `_links.base` or the connection base URL. */

export function v2Space(space: V2Space, base: string): Space {
  const key = space.key ?? '';
  return {
    id: space.id,
    key,
    name: space.name ?? key,
    type: space.type ?? 'global',
    status: space.status ?? 'current',
    url: absoluteUrl(base, space._links?.webui ?? `/spaces/${encodeURIComponent(key)}`),
  };
}

/** v2 child listings carry no version; 0 then means "not reported", and `getPage` has the real one. */
export function v2PageSummary(page: V2Page, base: string, parentId?: string): PageSummary {
  return {
    id: page.id,
    title: page.title ?? '',
    parentId: page.parentId ?? parentId,
    version: page.version?.number ?? 0,
    updatedAt: page.version?.createdAt,
    url: page._links?.webui ? absoluteUrl(base, page._links.webui) : pageUrlById(base, page.id),
  };
}

export function v2Attachment(attachment: V2Attachment, base: string): Attachment {
  const download = attachment.downloadLink ?? attachment._links?.download ?? downloadPath(attachment);
  return {
    id: attachment.id,
    title: attachment.title ?? '',
    mediaType: attachment.mediaType ?? 'application/octet-stream',
    fileSize: attachment.fileSize ?? 0,
    version: attachment.version?.number ?? 1,
    createdAt: attachment.createdAt,
    downloadUrl: absoluteUrl(base, download),
  };
}

/** Confluence's canonical download path, for attachment listings that omit the link. */
function downloadPath(attachment: V2Attachment): string {
  const pageId = encodeURIComponent(attachment.pageId ?? '');
  return `/download/attachments/${pageId}/${encodeURIComponent(attachment.title ?? attachment.id)}`;
}

export function v2Label(label: V2Label): Label {
  return { name: label.name ?? '', prefix: label.prefix ?? 'global' };
}
