import { Injectable } from '@nestjs/common';
import { Tool } from '@rekog/mcp-nest';
import { z } from 'zod';
import { CallerRequest } from '../auth/caller';
import { buildSearchCql } from '../confluence/cql';
import { SearchHit } from '../confluence/confluence.types';
import { ConfluenceAccess, CallScope } from './confluence-access';
import { TOOL_CATALOG } from './tool-catalog';
import { ToolFailure } from './tool-failure';
import { cursorInput, limitInput, spaceKeyInput, wordInput } from './tool-inputs';
import { moreHint, toolResult } from './tool-result';
import { READ_ONLY_ANNOTATIONS } from './tool-annotations';

const searchInput = z
  .object({
    cql: z.string().trim().min(1).max(2000).optional().describe('A CQL query, e.g. `type = page AND title ~ "roadmap"`'),
    query: z.string().trim().min(1).max(500).optional().describe('Plain words to search for (use instead of cql)'),
    space_keys: z.array(spaceKeyInput).max(50).optional().describe('Only search these spaces'),
    type: wordInput(['page', 'blogpost', 'comment', 'attachment']).optional().describe('Only this content type'),
    limit: limitInput,
    cursor: cursorInput,
  })
  .refine((input) => (input.cql === undefined) !== (input.query === undefined), {
    message: 'give exactly one of "cql" or "query"',
  });

const searchOutput = z.object({
  results: z.array(
    z.object({
      id: z.string(),
      type: z.string(),
      title: z.string(),
      space_key: z.string().optional(),
      url: z.string(),
      excerpt: z.string(),
      last_modified: z.string().optional(),
    }),
  ),
  next_cursor: z.string().optional(),
});

type SearchInput = z.infer<typeof searchInput>;
type SearchOutput = z.infer<typeof searchOutput>;

/** Full-text and CQL search across the spaces the caller may see. */
@Injectable()
export class SearchTools {
  constructor(private readonly access: ConfluenceAccess) {}

  @Tool({
    name: TOOL_CATALOG.search.name,
    description:
      'Search Confluence. Give either `query` (plain words, safest) or `cql` (Confluence Query Language), ' +
      'optionally narrowed by `space_keys` and `type`. Returns ids, titles, spaces, URLs and plain-text excerpts; ' +
      'for more, repeat the same call with `next_cursor` as `cursor`. Use confluence_get_page with a result id to read it.',
    parameters: searchInput,
    outputSchema: searchOutput,
    annotations: { title: 'Search Confluence', ...READ_ONLY_ANNOTATIONS },
  })
  async search(input: SearchInput, _context: unknown, request?: CallerRequest) {
    const scope = this.access.forRequest(request);
    const cql = buildSearchCql(
      { query: input.query, cql: input.cql, type: input.type, spaceKeys: allowedSpaceKeys(scope, input.space_keys) },
      scope.caller.connection.deployment,
    );
    const page = await scope.api.search({ cql, limit: input.limit, cursor: input.cursor }, { signal: scope.signal });
    const visible = page.items.filter((hit) => scope.caller.policy.allowsSpace(hit.spaceKey));
    const output: SearchOutput = { results: visible.map(toResult), next_cursor: page.nextCursor };
    return toolResult(output, render(output));
  }
}

/** Narrows requested spaces to the caller's allowlist; refuses a request for only disallowed spaces. */
function allowedSpaceKeys(scope: CallScope, requested: string[] | undefined): string[] | undefined {
  const allowed = scope.caller.policy.allowedSpaces();
  if (!allowed) return requested;
  if (!requested) return allowed;
  const permitted = requested.filter((key) => allowed.includes(key));
  if (permitted.length === 0) {
    throw new ToolFailure('None of the requested spaces may be searched through this server. Search without space_keys.', 'policy');
  }
  return permitted;
}

function toResult(hit: SearchHit): SearchOutput['results'][number] {
  return {
    id: hit.id,
    type: hit.type,
    title: hit.title,
    space_key: hit.spaceKey,
    url: hit.url,
    excerpt: hit.excerpt,
    last_modified: hit.lastModified,
  };
}

function render(output: SearchOutput): string {
  if (output.results.length === 0) return 'No results. Try other words, fewer filters, or a broader CQL query.';
  const lines = output.results.map(
    (r) => `- [${r.type}] ${r.title} (id ${r.id}${r.space_key ? `, space ${r.space_key}` : ''})${r.excerpt ? `: ${r.excerpt}` : ''}`,
  );
  if (output.next_cursor) lines.push(moreHint('results', output.next_cursor));
  return lines.join('\n');
}
