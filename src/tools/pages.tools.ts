import { Injectable } from '@nestjs/common';
import { Tool } from '@rekog/mcp-nest';
import { z } from 'zod';
import { CallerRequest } from '../auth/caller';
import { storageToMarkdown } from '../confluence/content/storage-to-markdown';
import { storageToText } from '../confluence/content/storage-to-text';
import { Page, PageSummary } from '../confluence/confluence.types';
import { windowBody } from './body-window';
import { ConfluenceAccess } from './confluence-access';
import { READ_ONLY_ANNOTATIONS } from './tool-annotations';
import { TOOL_CATALOG } from './tool-catalog';
import { boundedInt, cursorInput, limitInput, pageIdInput, spaceKeyInput, wordInput } from './tool-inputs';
import { moreHint, toolResult } from './tool-result';

const FORMATS = ['markdown', 'storage', 'text'] as const;
type BodyFormat = (typeof FORMATS)[number];

const getPageInput = z
  .object({
    page_id: pageIdInput.optional(),
    space_key: spaceKeyInput.optional(),
    title: z.string().trim().min(1).max(255).optional().describe('Exact page title (with space_key)'),
    format: wordInput(FORMATS).default('markdown').describe('Body format: markdown (default), storage (Confluence XHTML) or text'),
    offset: boundedInt(0, 100_000_000, 0).describe('Character offset into the body, to read a huge page in parts'),
    max_chars: boundedInt(1, 200_000, 50_000).describe('Maximum body characters to return (default 50000)'),
  })
  .refine((input) => (input.page_id !== undefined) !== (input.space_key !== undefined && input.title !== undefined), {
    message: 'give either "page_id", or both "space_key" and "title"',
  });

const getPageOutput = z.object({
  id: z.string(),
  title: z.string(),
  space_key: z.string(),
  status: z.string(),
  version: z.number(),
  author: z.string().optional(),
  created_at: z.string().optional(),
  updated_at: z.string().optional(),
  url: z.string(),
  ancestors: z.array(z.object({ id: z.string(), title: z.string() })),
  labels: z.array(z.string()),
  format: z.enum(FORMATS),
  body: z.string(),
  body_offset: z.number(),
  body_total_chars: z.number(),
  truncated: z.boolean(),
});

const listPagesInput = z.object({
  space_key: spaceKeyInput,
  title: z.string().trim().min(1).max(255).optional().describe('Only the page with exactly this title'),
  limit: limitInput,
  cursor: cursorInput,
});

const pageSummary = z.object({
  id: z.string(),
  title: z.string(),
  parent_id: z.string().optional(),
  version: z.number(),
  updated_at: z.string().optional(),
  url: z.string(),
});

const listPagesOutput = z.object({ pages: z.array(pageSummary), next_cursor: z.string().optional() });

type GetPageInput = z.infer<typeof getPageInput>;
type GetPageOutput = z.infer<typeof getPageOutput>;
type ListPagesInput = z.infer<typeof listPagesInput>;
type ListPagesOutput = z.infer<typeof listPagesOutput>;

/** Reading pages: one page with its body, or the pages of a space. */
@Injectable()
export class PagesTools {
  constructor(private readonly access: ConfluenceAccess) {}

  @Tool({
    name: TOOL_CATALOG.getPage.name,
    description:
      'Read one Confluence page by `page_id` (or page URL), or by `space_key` + exact `title`. Returns metadata, ' +
      'ancestors, labels and the body as markdown (default), storage XHTML or plain text. Macros markdown cannot show ' +
      'appear as {{confluence:macro …}} placeholders. Long bodies are cut at `max_chars`; when `truncated` is true, ' +
      'call again with `offset` = body_offset + length of body to read on.',
    parameters: getPageInput,
    outputSchema: getPageOutput,
    annotations: { title: 'Read a Confluence page', ...READ_ONLY_ANNOTATIONS },
  })
  async getPage(input: GetPageInput, _context: unknown, request?: CallerRequest) {
    const scope = this.access.forRequest(request);
    if (input.space_key) this.access.assertSpaceAllowed(scope, input.space_key, `Space ${input.space_key}`);
    const page = input.page_id
      ? await this.access.page(scope, input.page_id)
      : await scope.api.findPageByTitle(input.space_key as string, input.title as string, { signal: scope.signal });
    this.access.assertSpaceAllowed(scope, page.spaceKey, `Page ${page.id}`);
    const body = renderBody(page.storage, input.format, scope.caller.connection.baseUrl);
    const output: GetPageOutput = {
      ...pageMetadata(page),
      format: input.format,
      ...windowBody(body, input.offset, input.max_chars),
    };
    return toolResult(output, renderPage(output));
  }

  @Tool({
    name: TOOL_CATALOG.listPages.name,
    description:
      'List the pages of a space (id, title, parent, version, last update, URL), optionally only the one with an exact ' +
      '`title`. For more, repeat the same call with `next_cursor` as `cursor`. Use confluence_get_page to read one.',
    parameters: listPagesInput,
    outputSchema: listPagesOutput,
    annotations: { title: 'List pages in a space', ...READ_ONLY_ANNOTATIONS },
  })
  async listPages(input: ListPagesInput, _context: unknown, request?: CallerRequest) {
    const scope = this.access.forRequest(request);
    this.access.assertSpaceAllowed(scope, input.space_key, `Space ${input.space_key}`);
    const page = await scope.api.listPages(
      { spaceKey: input.space_key, title: input.title, limit: input.limit, cursor: input.cursor },
      { signal: scope.signal },
    );
    const output: ListPagesOutput = { pages: page.items.map(toSummary), next_cursor: page.nextCursor };
    return toolResult(output, renderList(input.space_key, output));
  }
}

function renderBody(storage: string, format: BodyFormat, baseUrl: string): string {
  if (format === 'storage') return storage;
  if (format === 'text') return storageToText(storage);
  return storageToMarkdown(storage, { baseUrl });
}

function pageMetadata(page: Page): Omit<GetPageOutput, 'format' | 'body' | 'body_offset' | 'body_total_chars' | 'truncated'> {
  return {
    id: page.id,
    title: page.title,
    space_key: page.spaceKey,
    status: page.status,
    version: page.version,
    author: page.author?.displayName,
    created_at: page.createdAt,
    updated_at: page.updatedAt,
    url: page.url,
    ancestors: page.ancestors,
    labels: page.labels,
  };
}

function toSummary(page: PageSummary): z.infer<typeof pageSummary> {
  return {
    id: page.id,
    title: page.title,
    parent_id: page.parentId,
    version: page.version,
    updated_at: page.updatedAt,
    url: page.url,
  };
}

function renderPage(page: GetPageOutput): string {
  const path = [...page.ancestors.map((a) => a.title), page.title].join(' / ');
  const header = [
    `# ${page.title}`,
    `id ${page.id} · space ${page.space_key} · version ${page.version}${page.updated_at ? ` · updated ${page.updated_at}` : ''}`,
    `path: ${path}`,
    page.labels.length > 0 ? `labels: ${page.labels.join(', ')}` : undefined,
    page.url,
  ].filter((line): line is string => line !== undefined);
  const more = page.truncated
    ? `\n\n[Body truncated: showing ${page.body.length} of ${page.body_total_chars} characters from offset ${page.body_offset}. ` +
      `Call again with offset ${page.body_offset + page.body.length} for the rest.]`
    : '';
  return `${header.join('\n')}\n\n${page.body}${more}`;
}

function renderList(spaceKey: string, output: ListPagesOutput): string {
  if (output.pages.length === 0) return `No pages found in space ${spaceKey}.`;
  const lines = output.pages.map((p) => `- ${p.title} (id ${p.id}, v${p.version}${p.parent_id ? `, parent ${p.parent_id}` : ''})`);
  if (output.next_cursor) lines.push(moreHint('pages', output.next_cursor));
  return lines.join('\n');
}
