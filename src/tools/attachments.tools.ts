import { Injectable } from '@nestjs/common';
import { Tool } from '@rekog/mcp-nest';
import { z } from 'zod';
import { CallerRequest } from '../auth/caller';
import { Attachment } from '../confluence/confluence.types';
import { ConfluenceAccess } from './confluence-access';
import { READ_ONLY_ANNOTATIONS } from './tool-annotations';
import { TOOL_CATALOG } from './tool-catalog';
import { cursorInput, limitInput, pageIdInput } from './tool-inputs';
import { moreHint, toolResult } from './tool-result';

const attachmentsInput = z.object({
  page_id: pageIdInput,
  filename: z.string().trim().min(1).max(255).optional().describe('Only the attachment with this file name'),
  media_type: z
    .string()
    .trim()
    .regex(/^[\w.+-]+\/[\w.+-]+$/, 'expected a media type such as "image/png"')
    .optional()
    .describe('Only attachments of this media type, e.g. "application/pdf"'),
  limit: limitInput,
  cursor: cursorInput,
});

const attachmentsOutput = z.object({
  attachments: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      media_type: z.string(),
      file_size: z.number(),
      version: z.number(),
      created_at: z.string().optional(),
      download_url: z.string(),
    }),
  ),
  next_cursor: z.string().optional(),
});

type AttachmentsInput = z.infer<typeof attachmentsInput>;
type AttachmentsOutput = z.infer<typeof attachmentsOutput>;

/** The files attached to a page. */
@Injectable()
export class AttachmentsTools {
  constructor(private readonly access: ConfluenceAccess) {}

  @Tool({
    name: TOOL_CATALOG.getAttachments.name,
    description:
      'List the files attached to a page (id, name, media type, size, version, download URL), optionally filtered ' +
      'by `filename` or `media_type`.',
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
    return toolResult(output, render(pageId, output));
  }
}

function toOutput(attachment: Attachment): AttachmentsOutput['attachments'][number] {
  return {
    id: attachment.id,
    title: attachment.title,
    media_type: attachment.mediaType,
    file_size: attachment.fileSize,
    version: attachment.version,
    created_at: attachment.createdAt,
    download_url: attachment.downloadUrl,
  };
}

function render(pageId: string, output: AttachmentsOutput): string {
  if (output.attachments.length === 0) return `Page ${pageId} has no matching attachments.`;
  const lines = output.attachments.map((a) => `- ${a.title} (id ${a.id}, ${a.media_type}, ${a.file_size} bytes, v${a.version})`);
  if (output.next_cursor) lines.push(moreHint('attachments', output.next_cursor));
  return lines.join('\n');
}
