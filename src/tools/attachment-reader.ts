import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { ConfluenceNotFoundError } from '../confluence/confluence.errors';
import { AttachmentDetails, DownloadedAttachment } from '../confluence/confluence.types';
import { ConfluenceDownloadTooLargeError } from '../confluence/download-too-large.error';
import { AttachmentPayload, effectiveMediaType, toPayload } from './attachment-content';
import { AttachmentRef } from './attachment-inputs';
import { CallScope, ConfluenceAccess } from './confluence-access';
import { ToolFailure } from './tool-failure';

/** A downloaded attachment: what it is, and its content in the form the client should get it. */
export interface ReadAttachment {
  attachment: AttachmentDetails;
  mediaType: string;
  payload: AttachmentPayload;
}

/**
 * Downloads one attachment for the download tool and the attachment resource
 * alike, in the order that keeps policy and limits ahead of the bytes: find
 * it, check its space, check its size, and only then fetch the content.
 */
@Injectable()
export class AttachmentReader {
  private readonly maxBytes: number;

  constructor(
    private readonly access: ConfluenceAccess,
    config: AppConfig,
  ) {
    this.maxBytes = config.confluence.attachmentMaxBytes;
  }

  async read(scope: CallScope, ref: AttachmentRef): Promise<ReadAttachment> {
    const id = await this.resolveId(scope, ref);
    const attachment = await this.details(scope, id);
    await this.assertAllowed(scope, attachment);
    if (attachment.fileSize > this.maxBytes) throw tooLarge(attachment, attachment.fileSize, this.maxBytes);
    const downloaded = await this.download(scope, attachment);
    const current = downloaded.attachment;
    const mediaType = effectiveMediaType(current.mediaType, current.title);
    return { attachment: current, mediaType, payload: toPayload(mediaType, downloaded.content) };
  }

  /** The attachment id, looking a download URL's page and file name up (after checking that page's space). */
  private async resolveId(scope: CallScope, ref: AttachmentRef): Promise<string> {
    if ('id' in ref) return this.access.pageId(scope, ref);
    const pageId = this.access.pageId(scope, { id: ref.pageId, origin: ref.origin });
    await this.access.assertPageAllowed(scope, pageId);
    const found = await scope.api.listAttachments({ pageId, filename: ref.filename, limit: 2 }, { signal: scope.signal });
    const matches = found.items.filter((item) => item.title === ref.filename);
    if (matches.length !== 1) {
      throw new ConfluenceNotFoundError(`Page ${pageId} has no attachment named "${ref.filename}"`, 404);
    }
    return matches[0].id;
  }

  private async details(scope: CallScope, id: string): Promise<AttachmentDetails> {
    try {
      return await scope.api.getAttachment(id, { signal: scope.signal });
    } catch (error) {
      if (error instanceof ConfluenceNotFoundError) {
        throw new ConfluenceNotFoundError(
          `Attachment ${id} was not found, or the configured account cannot see it. List a page's attachments with confluence_get_attachments`,
          404,
        );
      }
      throw error;
    }
  }

  /** The content, held to the limit even when the listed size was wrong (the API stops reading at the cap). */
  private async download(scope: CallScope, attachment: AttachmentDetails): Promise<DownloadedAttachment> {
    try {
      return await scope.api.downloadAttachment(attachment.id, this.maxBytes, { signal: scope.signal });
    } catch (error) {
      if (error instanceof ConfluenceDownloadTooLargeError) throw tooLarge(attachment, error.sizeBytes, this.maxBytes);
      throw error;
    }
  }

  /** The attachment's space must be allowed; when Confluence did not say which space, its page decides. */
  private async assertAllowed(scope: CallScope, attachment: AttachmentDetails): Promise<void> {
    if (scope.caller.policy.allowedSpaces() === undefined) return;
    const spaceKey =
      attachment.spaceKey ??
      (attachment.pageId ? (await scope.api.getPage(attachment.pageId, { signal: scope.signal })).spaceKey : undefined);
    this.access.assertSpaceAllowed(scope, spaceKey, `Attachment ${attachment.id}`);
  }
}

function tooLarge(attachment: AttachmentDetails, bytes: number | undefined, maxBytes: number): ToolFailure {
  const size = bytes === undefined ? 'is' : `is ${bytes} bytes,`;
  return new ToolFailure(
    `Attachment ${attachment.id} ("${attachment.title}") ${size} more than the ${maxBytes}-byte download limit ` +
      `of this server (ATTACHMENT_MAX_BYTES). Nothing was downloaded; open it in Confluence instead: ${attachment.downloadUrl}`,
  );
}
