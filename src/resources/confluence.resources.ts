import { Injectable } from '@nestjs/common';
import { ReadResourceResult } from '@modelcontextprotocol/sdk/types.js';
import { ResourceTemplate } from '@rekog/mcp-nest';
import { CallerRequest } from '../auth/caller';
import { storageToMarkdown } from '../confluence/content/storage-to-markdown';
import { Page } from '../confluence/confluence.types';
import { parseAttachmentRef } from '../tools/attachment-inputs';
import { AttachmentReader } from '../tools/attachment-reader';
import { ATTACHMENT_URI_TEMPLATE } from '../tools/attachment-uri';
import { ConfluenceAccess } from '../tools/confluence-access';
import { parsePageRef } from '../tools/tool-inputs';
import { ToolFailure } from '../tools/tool-failure';
import { resourceError } from './resource-errors';

export const PAGE_URI_TEMPLATE = 'confluence://page/{page_id}';

/** What mcp-nest hands a resource method: the URI read and the template's variables. */
interface ResourceParams {
  uri: string;
  page_id?: string;
  attachment_id?: string;
}

/** mcp-nest passes its request wrapper to resources (the raw HTTP request, carrying the caller, is `raw`; absent under stdio). */
interface ResourceRequest {
  raw?: CallerRequest;
}

/**
 * Confluence pages and attachments as MCP resources, for clients that attach
 * context by URI rather than calling tools. The same caller policy applies as
 * for the tools: a page or attachment outside the allowed spaces is refused
 * without a word of its content.
 */
@Injectable()
export class ConfluenceResources {
  constructor(
    private readonly access: ConfluenceAccess,
    private readonly attachments: AttachmentReader,
  ) {}

  @ResourceTemplate({
    uriTemplate: PAGE_URI_TEMPLATE,
    name: 'confluence-page',
    description: 'A Confluence page as markdown, headed by its title, space, version and URL. page_id is the numeric page id.',
    mimeType: 'text/markdown',
  })
  async readPage(params: ResourceParams, _context: unknown, request?: ResourceRequest): Promise<ReadResourceResult> {
    const pageId = params.page_id ?? '';
    try {
      const ref = parsePageRef(pageId);
      if (ref === undefined) throw new ToolFailure(`"${pageId}" is not a page id; use confluence://page/<digits>, e.g. confluence://page/123456.`);
      const scope = this.access.forRequest(request?.raw);
      const page = await scope.api.getPage(ref.id, { signal: scope.signal });
      this.access.assertSpaceAllowed(scope, page.spaceKey, `Page ${page.id}`);
      const markdown = storageToMarkdown(page.storage, { baseUrl: scope.caller.connection.baseUrl });
      return { contents: [{ uri: params.uri, mimeType: 'text/markdown', text: `${header(page)}\n\n${markdown}` }] };
    } catch (error) {
      throw resourceError(error, params.uri, { page_id: { id: pageId } });
    }
  }

  @ResourceTemplate({
    uriTemplate: ATTACHMENT_URI_TEMPLATE,
    name: 'confluence-attachment',
    description:
      'A file attached to a Confluence page: text types as text, anything else as base64. attachment_id is the id ' +
      'from confluence_get_attachments, e.g. att123456.',
  })
  async readAttachment(params: ResourceParams, _context: unknown, request?: ResourceRequest): Promise<ReadResourceResult> {
    try {
      const ref = parseAttachmentRef(params.attachment_id ?? '');
      if (ref === undefined || !('id' in ref)) {
        throw new ToolFailure(`"${params.attachment_id ?? ''}" is not an attachment id; use confluence://attachment/att<digits>.`);
      }
      const scope = this.access.forRequest(request?.raw);
      const { payload } = await this.attachments.read(scope, ref);
      return {
        contents: [
          payload.kind === 'text'
            ? { uri: params.uri, mimeType: payload.mimeType, text: payload.text }
            : { uri: params.uri, mimeType: payload.mimeType, blob: payload.base64 },
        ],
      };
    } catch (error) {
      throw resourceError(error, params.uri);
    }
  }
}

function header(page: Page): string {
  return [`# ${page.title}`, '', `space ${page.spaceKey} · version ${page.version} · ${page.url}`].join('\n');
}
