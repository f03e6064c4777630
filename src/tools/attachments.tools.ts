import { Injectable } from '@nestjs/common';
import { CallToolResult, ContentBlock } from '@modelcontextprotocol/sdk/types.js';
import { Tool } from '@rekog/mcp-nest';
import { z } from 'zod';
import { CallerRequest } from '../auth/caller';
import { AppConfig } from '../config/app-config';
import { Attachment } from '../confluence/confluence.types';
import { decodeBase64Content } from './attachment-base64';
import { mediaTypeForUpload } from './attachment-content';
import { sanitizeFilename } from './attachment-filename';
import { attachmentIdInput, mediaTypeInput } from './attachment-inputs';
import { AttachmentReader, ReadAttachment } from './attachment-reader';
import { attachmentUri } from './attachment-uri';
import { CallScope, ConfluenceAccess } from './confluence-access';
import { ADDITIVE_WRITE_ANNOTATIONS, READ_ONLY_ANNOTATIONS } from './tool-annotations';
import { TOOL_CATALOG } from './tool-catalog';
import { cursorInput, limitInput, pageIdInput } from './tool-inputs';
import { moreHint, toolResult } from './tool-result';
import { dryRunInput } from './write-inputs';

const attachmentsInput = z.object({
  page_id: pageIdInput,
  filename: z.string().trim().min(1).max(255).optional().describe('Only the attachment with this file name'),
  media_type: mediaTypeInput.optional().describe('Only attachments of this media type, e.g. "application/pdf"'),
  limit: limitInput,
  cursor: cursorInput,
});

const attachmentOutput = z.object({
  id: z.string(),
  title: z.string(),
  media_type: z.string(),
  file_size: z.number(),
  version: z.number(),
  created_at: z.string().optional(),
  download_url: z.string(),
});

const attachmentsOutput = z.object({ attachments: z.array(attachmentOutput), next_cursor: z.string().optional() });

const uploadInput = z.object({
  page_id: pageIdInput,
  filename: z
    .string()
    .min(1, 'expected a file name such as "report.pdf"')
    .max(1024)
    .describe('File name to store it under, e.g. "report.pdf"; an existing name on the page gets a new version'),
  content_base64: z
    .string()
    .min(1, 'expected the file content, base64-encoded')
    .describe('The file content itself, base64-encoded (a data: URL is accepted). Not a file path: this server reads no files.'),
  media_type: mediaTypeInput.optional().describe('Media type, e.g. "image/png"; by default from the file name'),
  comment: z.string().trim().min(1).max(1000).optional().describe('Version comment shown in Confluence'),
  dry_run: dryRunInput,
});

const uploadOutput = attachmentOutput.omit({ created_at: true }).extend({ page_id: z.string(), dry_run: z.boolean() });

const downloadInput = z.object({ attachment_id: attachmentIdInput });

const downloadOutput = attachmentOutput.omit({ created_at: true }).extend({
  page_id: z.string().optional(),
  delivered_as: z.enum(['image', 'text', 'blob']),
});

type AttachmentsInput = z.infer<typeof attachmentsInput>;
type AttachmentsOutput = z.infer<typeof attachmentsOutput>;
type UploadInput = z.infer<typeof uploadInput>;
type UploadOutput = z.infer<typeof uploadOutput>;
type DownloadInput = z.infer<typeof downloadInput>;
type DownloadOutput = z.infer<typeof downloadOutput>;

/** The files attached to a page: listing, uploading and downloading them. */
@Injectable()
export class AttachmentsTools {
  private readonly maxBytes: number;

  constructor(
    private readonly access: ConfluenceAccess,
    private readonly reader: AttachmentReader,
    config: AppConfig,
  ) {
    this.maxBytes = config.confluence.attachmentMaxBytes;
  }

  @Tool({
    name: TOOL_CATALOG.getAttachments.name,
    description:
      'List the files attached to a page (id, name, media type, size, version, download URL), optionally filtered ' +
      'by `filename` or `media_type`. Read one with confluence_download_attachment.',
    parameters: attachmentsInput,
    outputSchema: attachmentsOutput,
    annotations: { title: 'List page attachments', ...READ_ONLY_ANNOTATIONS },
  })
  async getAttachments(input: AttachmentsInput, _context: unknown, request?: CallerRequest) {
    const scope = this.access.forRequest(request);
    const pageId = this.access.pageId(scope, input.page_id);
    await this.access.assertPageAllowed(scope, pageId);
    const page = await scope.api.listAttachments(
      { pageId: pageId, filename: input.filename, mediaType: input.media_type, limit: input.limit, cursor: input.cursor },
      { signal: scope.signal },
    );
    const output: AttachmentsOutput = { attachments: page.items.map(toOutput), next_cursor: page.nextCursor };
    return toolResult(output, renderList(pageId, output));
  }

  @Tool({
    name: TOOL_CATALOG.uploadAttachment.name,
    description:
      'Attach a file to a page: give `filename` and the bytes as `content_base64`. A file name already on the page ' +
      'becomes a new version of that attachment. The media type follows the file name unless `media_type` is given. ' +
      'Files over the server\'s size limit are refused before anything is sent.',
    parameters: uploadInput,
    outputSchema: uploadOutput,
    annotations: { title: 'Upload an attachment', ...ADDITIVE_WRITE_ANNOTATIONS, idempotentHint: false },
  })
  async uploadAttachment(input: UploadInput, _context: unknown, request?: CallerRequest) {
    const scope = this.access.forRequest(request);
    const pageId = this.access.pageId(scope, input.page_id);
    const filename = sanitizeFilename(input.filename);
    const content = decodeBase64Content(input.content_base64, this.maxBytes);
    const mediaType = input.media_type ?? content.dataUrlMediaType ?? mediaTypeForUpload(filename);
    await this.access.assertPageAllowed(scope, pageId);
    if (input.dry_run) return this.plannedUpload(scope, pageId, filename, mediaType, content.bytes.length);
    const uploaded = await scope.api.uploadAttachment(
      { pageId, filename, content: content.bytes, mediaType, comment: input.comment },
      { signal: scope.signal },
    );
    const output: UploadOutput = { ...summary(uploaded), page_id: uploaded.pageId ?? pageId, dry_run: false };
    return toolResult(output, renderUpload(output, filename === input.filename ? undefined : input.filename));
  }

  /** A dry run says what would be stored: under which name, as which type and size, and whether as a new version. */
  private async plannedUpload(scope: CallScope, pageId: string, filename: string, mediaType: string, size: number) {
    const existing = await scope.api.listAttachments({ pageId, filename, limit: 1 }, { signal: scope.signal });
    const current = existing.items.find((attachment) => attachment.title === filename);
    const output: UploadOutput = {
      id: current?.id ?? '',
      title: filename,
      media_type: mediaType,
      file_size: size,
      version: (current?.version ?? 0) + 1,
      download_url: current?.downloadUrl ?? '',
      page_id: pageId,
      dry_run: true,
    };
    const what = current ? `version ${output.version} of ${current.id}` : 'a new attachment';
    return toolResult(output, `Dry run: would upload "${filename}" (${mediaType}, ${size} bytes) to page ${pageId} as ${what}.`);
  }

  @Tool({
    name: TOOL_CATALOG.downloadAttachment.name,
    description:
      'Read an attachment by `attachment_id` (from confluence_get_attachments) or its download URL. Images come back ' +
      'as images, text files (txt, csv, json, xml, markdown, yaml, code) as text, anything else as base64. Files over ' +
      'the server\'s size limit are refused.',
    parameters: downloadInput,
    outputSchema: downloadOutput,
    annotations: { title: 'Download an attachment', ...READ_ONLY_ANNOTATIONS },
  })
  async downloadAttachment(input: DownloadInput, _context: unknown, request?: CallerRequest): Promise<CallToolResult> {
    const scope = this.access.forRequest(request);
    const read = await this.reader.read(scope, input.attachment_id);
    const output: DownloadOutput = {
      ...summary(read.attachment),
      media_type: read.mediaType,
      page_id: read.attachment.pageId,
      delivered_as: read.payload.kind,
    };
    return {
      structuredContent: output,
      content: [{ type: 'text', text: renderDownload(output) }, contentBlock(read)],
    };
  }
}

function toOutput(attachment: Attachment): AttachmentsOutput['attachments'][number] {
  return { ...summary(attachment), created_at: attachment.createdAt };
}

/** What every attachment result carries, in the listing's field names. */
function summary(attachment: Attachment): Omit<AttachmentsOutput['attachments'][number], 'created_at'> {
  return {
    id: attachment.id,
    title: attachment.title,
    media_type: attachment.mediaType,
    file_size: attachment.fileSize,
    version: attachment.version,
    download_url: attachment.downloadUrl,
  };
}

/** The downloaded bytes as one MCP content block: an image the model sees, or an embedded resource. */
function contentBlock(read: ReadAttachment): ContentBlock {
  const payload = read.payload;
  if (payload.kind === 'image') return { type: 'image', data: payload.base64, mimeType: payload.mimeType };
  const uri = attachmentUri(read.attachment.id);
  return payload.kind === 'text'
    ? { type: 'resource', resource: { uri, mimeType: payload.mimeType, text: payload.text } }
    : { type: 'resource', resource: { uri, mimeType: payload.mimeType, blob: payload.base64 } };
}

function renderList(pageId: string, output: AttachmentsOutput): string {
  if (output.attachments.length === 0) return `Page ${pageId} has no matching attachments.`;
  const lines = output.attachments.map((a) => `- ${a.title} (id ${a.id}, ${a.media_type}, ${a.file_size} bytes, v${a.version})`);
  if (output.next_cursor) lines.push(moreHint('attachments', output.next_cursor));
  return lines.join('\n');
}

function renderUpload(output: UploadOutput, originalName: string | undefined): string {
  const what = output.version > 1 ? `as version ${output.version} of attachment ${output.id}` : `as attachment ${output.id}`;
  const renamed = originalName === undefined ? '' : ` (file name cleaned from ${JSON.stringify(originalName)})`;
  return (
    `Uploaded ${output.title}${renamed} to page ${output.page_id} ${what}: ${output.media_type}, ${output.file_size} bytes.\n` +
    output.download_url
  );
}

function renderDownload(output: DownloadOutput): string {
  const form = { image: 'the image follows', text: 'its text follows', blob: 'its bytes follow as base64' }[output.delivered_as];
  return `${output.title} (id ${output.id}, ${output.media_type}, ${output.file_size} bytes, v${output.version}); ${form}.`;
}
