import { FormData } from 'undici';
import { ConfluenceNotFoundError, ConfluenceUnavailableError } from '../confluence.errors';
import type { AttachmentDetails, CallOptions, DownloadedAttachment, UploadAttachmentRequest } from '../confluence.types';
import { ConfluenceDownloadTooLargeError } from '../download-too-large.error';
import { isLostResponse, readingBack, unconfirmedWrite } from './lost-response';
import { pathId } from './paging';
import type { V1Client } from './v1-client';
import { v1AttachmentDetails } from './v1-write-mappers';
import type { V1Content, V1PagedList } from './v1.types';

const ATTACHMENT_EXPAND = 'version,container,space';
/** Confluence refuses multipart requests without it (XSRF protection); `no-check` is the current spelling. */
const NO_XSRF_CHECK = { 'X-Atlassian-Token': 'no-check' };

/** Where one attachment's bytes are fetched from, and which hosts a redirect from there may lead to. */
export interface DownloadTarget {
  link: string;
  redirectHosts?: readonly string[];
}

/**
 * Attachments over REST v1. An upload looks the file name up first: a new name is
 * `POST …/child/attachment`, an existing one `POST …/child/attachment/{id}/data` (a new version) —
 * the pair both Cloud and Data Center serve (Data Center has no create-or-update PUT).
 * Downloads go where the deployment serves bytes (`downloadTarget`).
 */
export class V1Attachments {
  constructor(
    private readonly client: V1Client,
    private readonly downloadTarget: (attachment: AttachmentDetails) => DownloadTarget,
  ) {}

  /** Never re-sent once bytes may have reached Confluence: a lost answer is confirmed by name, size and version, or reported. */
  async uploadAttachment(req: UploadAttachmentRequest, opts?: CallOptions): Promise<AttachmentDetails> {
    const pageId = pathId(req.pageId, 'page id');
    const before = await this.findByName(pageId, req.filename, opts);
    const path = before
      ? `/rest/api/content/${pageId}/child/attachment/${pathId(before.id, 'attachment id')}/data`
      : `/rest/api/content/${pageId}/child/attachment`;
    try {
      const init = { form: uploadForm(req), headers: NO_XSRF_CHECK };
      const answer = await this.client.send<V1Content | V1PagedList<V1Content>>('POST', path, init, opts);
      const content = 'id' in answer ? answer : answer.results?.[0];
      if (!content) throw new ConfluenceUnavailableError(`Confluence answered the upload of "${req.filename}" without the attachment.`, 'status');
      return onPage(pageId, v1AttachmentDetails(content, content._links?.base ?? this.client.baseUrl));
    } catch (error) {
      if (!isLostResponse(error)) throw error;
      const unconfirmed = () =>
        unconfirmedWrite(`Uploading "${req.filename}" to page ${pageId}`, error, `List the attachments of page ${pageId}`);
      const after = await readingBack(unconfirmed, () => this.findByName(pageId, req.filename, opts));
      const expectedVersion = (before?.version ?? 0) + 1;
      if (after && after.version === expectedVersion && after.fileSize === req.content.length) return { ...after, recovered: true };
      throw unconfirmed();
    }
  }

  /** The attachment with its page and space, so policy can be checked before its bytes are read. */
  async getAttachment(attachmentId: string, opts?: CallOptions): Promise<AttachmentDetails> {
    const path = `/rest/api/content/${pathId(attachmentId, 'attachment id')}`;
    const content = await this.client.get<V1Content>(path, { expand: ATTACHMENT_EXPAND }, opts);
    if (content.type !== 'attachment') throw new ConfluenceNotFoundError(`No attachment with id ${attachmentId}.`, 404);
    return v1AttachmentDetails(content, content._links?.base ?? this.client.baseUrl);
  }

  /**
   * Refuses by the listed size before any byte is fetched; the HTTP client enforces the cap again on the wire.
   * Bytes that do not add up to the listed size (a login page behind a redirect, a truncated body) are discarded.
   */
  async downloadAttachment(attachmentId: string, maxBytes: number, opts?: CallOptions): Promise<DownloadedAttachment> {
    const attachment = await this.getAttachment(attachmentId, opts);
    if (attachment.fileSize > maxBytes) throw new ConfluenceDownloadTooLargeError(maxBytes, attachment.fileSize);
    const target = this.downloadTarget(attachment);
    const content = await this.client.download(target.link, maxBytes, target.redirectHosts, opts);
    if (attachment.fileSize > 0 && content.length !== attachment.fileSize) {
      const sizes = `${content.length} bytes for attachment ${attachment.id}, which is listed as ${attachment.fileSize} bytes`;
      throw new ConfluenceUnavailableError(`Confluence sent ${sizes}; the download was discarded.`, 'status');
    }
    return { attachment, content };
  }

  private async findByName(pageId: string, filename: string, opts?: CallOptions): Promise<AttachmentDetails | undefined> {
    const path = `/rest/api/content/${pageId}/child/attachment`;
    const list = await this.client.get<V1PagedList<V1Content>>(path, { filename, expand: ATTACHMENT_EXPAND }, opts);
    const content = (list.results ?? []).find((item) => item.title === filename);
    return content ? onPage(pageId, v1AttachmentDetails(content, list._links?.base ?? this.client.baseUrl)) : undefined;
  }
}

/**
 * The multipart body: the file with its media type, `minorEdit` (required by the API; true keeps watchers'
 * inboxes quiet for machine uploads) and the optional comment.
 */
function uploadForm(req: UploadAttachmentRequest): FormData {
  const form = new FormData();
  form.append('file', new Blob([req.content], { type: req.mediaType }), req.filename);
  form.append('minorEdit', 'true');
  if (req.comment) form.append('comment', req.comment);
  return form;
}

/** The page the attachment was asked on, when Confluence's answer did not expand its container. */
function onPage(pageId: string, details: AttachmentDetails): AttachmentDetails {
  return { ...details, pageId: details.pageId ?? pageId };
}
