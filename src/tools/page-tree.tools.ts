import { Injectable } from '@nestjs/common';
import { Tool } from '@rekog/mcp-nest';
import { z } from 'zod';
import { CallerRequest } from '../auth/caller';
import { ConfluenceApi, PageSummary } from '../confluence/confluence.types';
import { ConfluenceAccess } from './confluence-access';
import { READ_ONLY_ANNOTATIONS } from './tool-annotations';
import { TOOL_CATALOG } from './tool-catalog';
import { boundedInt, cursorInput, limitInput, pageIdInput } from './tool-inputs';
import { moreHint, toolResult } from './tool-result';

const childrenInput = z.object({
  page_id: pageIdInput,
  depth: boundedInt(1, 5, 1).describe('How many levels below the page to include (1-5, default 1)'),
  limit: limitInput,
  cursor: cursorInput,
});

const childNode = z.object({
  id: z.string(),
  title: z.string(),
  parent_id: z.string(),
  depth: z.number(),
  url: z.string(),
});

const childrenOutput = z.object({
  page_id: z.string(),
  children: z.array(childNode),
  truncated: z.boolean(),
  next_cursor: z.string().optional(),
});

type ChildrenInput = z.infer<typeof childrenInput>;
type ChildNode = z.infer<typeof childNode>;
type ChildrenOutput = z.infer<typeof childrenOutput>;

/** A bounded page tree: the children of a page, optionally a few levels deep. */
@Injectable()
export class PageTreeTools {
  constructor(private readonly access: ConfluenceAccess) {}

  @Tool({
    name: TOOL_CATALOG.getPageChildren.name,
    description:
      'List the child pages of a page; with `depth` > 1 also their descendants, breadth first, up to `limit` pages in ' +
      'all (`truncated` says some were left out). `next_cursor` continues the first level.',
    parameters: childrenInput,
    outputSchema: childrenOutput,
    annotations: { title: 'List child pages', ...READ_ONLY_ANNOTATIONS },
  })
  async getPageChildren(input: ChildrenInput, _context: unknown, request?: CallerRequest) {
    const scope = this.access.forRequest(request);
    const pageId = this.access.pageId(scope, input.page_id);
    await this.access.assertPageAllowed(scope, pageId);
    const first = await scope.api.listChildren(pageId, { limit: input.limit, cursor: input.cursor }, { signal: scope.signal });
    const tree = await collectTree(scope.api, pageId, input, first.items, scope.signal);
    const output: ChildrenOutput = {
      page_id: pageId,
      children: tree.nodes,
      truncated: tree.truncated,
      next_cursor: first.nextCursor,
    };
    return toolResult(output, render(output));
  }
}

/** How many child listings are fetched at once while walking deeper levels. */
const FAN_OUT = 6;

/**
 * Walks level by level below the first page of children, stopping at `depth`
 * or once `limit` nodes are collected; fetches a few parents at a time so one
 * call never floods Confluence.
 */
async function collectTree(
  api: ConfluenceApi,
  rootId: string,
  input: Pick<ChildrenInput, 'depth' | 'limit'>,
  firstLevel: PageSummary[],
  signal: AbortSignal | undefined,
): Promise<{ nodes: ChildNode[]; truncated: boolean }> {
  const nodes: ChildNode[] = firstLevel.map((child) => toNode(child, rootId, 1));
  let level = nodes;
  let truncated = false;
  for (let depth = 2; depth <= input.depth && level.length > 0; depth++) {
    const room = input.limit - nodes.length;
    const next = await childrenOf(api, level, depth, room, signal);
    truncated ||= next.truncated || next.nodes.length > room;
    level = next.nodes.slice(0, Math.max(room, 0));
    nodes.push(...level);
  }
  return { nodes, truncated };
}

/** The children of `parents`, a batch at a time, until `room` is filled; `truncated` when some were not fetched. */
async function childrenOf(
  api: ConfluenceApi,
  parents: ChildNode[],
  depth: number,
  room: number,
  signal: AbortSignal | undefined,
): Promise<{ nodes: ChildNode[]; truncated: boolean }> {
  const nodes: ChildNode[] = [];
  let truncated = false;
  for (let i = 0; i < parents.length; i += FAN_OUT) {
    const left = room - nodes.length;
    if (left <= 0) return { nodes, truncated: true };
    const batch = parents.slice(i, i + FAN_OUT);
    const pages = await Promise.all(batch.map((parent) => api.listChildren(parent.id, { limit: Math.min(left, 100) }, { signal })));
    pages.forEach((page, j) => {
      nodes.push(...page.items.map((child) => toNode(child, batch[j].id, depth)));
      truncated ||= page.nextCursor !== undefined;
    });
  }
  return { nodes, truncated };
}

function toNode(page: PageSummary, parentId: string, depth: number): ChildNode {
  return { id: page.id, title: page.title, parent_id: parentId, depth, url: page.url };
}

function render(output: ChildrenOutput): string {
  if (output.children.length === 0) return `Page ${output.page_id} has no child pages.`;
  const lines = output.children.map((c) => `${'  '.repeat(c.depth - 1)}- ${c.title} (id ${c.id})`);
  if (output.truncated) lines.push('[Some descendants were left out; raise limit or ask for a subtree.]');
  if (output.next_cursor) lines.push(moreHint('children', output.next_cursor));
  return lines.join('\n');
}
