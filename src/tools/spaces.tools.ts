import { Injectable } from '@nestjs/common';
import { Tool } from '@rekog/mcp-nest';
import { z } from 'zod';
import { CallerRequest } from '../auth/caller';
import { Space } from '../confluence/confluence.types';
import { ConfluenceAccess } from './confluence-access';
import { READ_ONLY_ANNOTATIONS } from './tool-annotations';
import { TOOL_CATALOG } from './tool-catalog';
import { cursorInput, limitInput, spaceKeyInput, wordInput } from './tool-inputs';
import { moreHint, toolResult } from './tool-result';

const listSpacesInput = z.object({
  keys: z.array(spaceKeyInput).max(100).optional().describe('Only these space keys'),
  type: wordInput(['global', 'personal']).optional(),
  status: wordInput(['current', 'archived']).optional(),
  limit: limitInput,
  cursor: cursorInput,
});

const listSpacesOutput = z.object({
  spaces: z.array(
    z.object({ id: z.string(), key: z.string(), name: z.string(), type: z.string(), status: z.string(), url: z.string() }),
  ),
  next_cursor: z.string().optional(),
});

type ListSpacesInput = z.infer<typeof listSpacesInput>;
type ListSpacesOutput = z.infer<typeof listSpacesOutput>;

/** Discovering spaces: the starting point when the model does not know where content lives. */
@Injectable()
export class SpacesTools {
  constructor(private readonly access: ConfluenceAccess) {}

  @Tool({
    name: TOOL_CATALOG.listSpaces.name,
    description:
      'List Confluence spaces (key, name, type, status, URL), optionally only some `keys`, a `type` (global|personal) ' +
      'or `status` (current|archived). Use a key with confluence_list_pages or confluence_search.',
    parameters: listSpacesInput,
    outputSchema: listSpacesOutput,
    annotations: { title: 'List spaces', ...READ_ONLY_ANNOTATIONS },
  })
  async listSpaces(input: ListSpacesInput, _context: unknown, request?: CallerRequest) {
    const scope = this.access.forRequest(request);
    const page = await scope.api.listSpaces(
      { keys: input.keys, type: input.type, status: input.status, limit: input.limit, cursor: input.cursor },
      { signal: scope.signal },
    );
    const visible = page.items.filter((space) => scope.caller.policy.allowsSpace(space.key));
    const output: ListSpacesOutput = { spaces: visible.map(toOutput), next_cursor: page.nextCursor };
    return toolResult(output, render(output));
  }
}

function toOutput(space: Space): ListSpacesOutput['spaces'][number] {
  return { id: space.id, key: space.key, name: space.name, type: space.type, status: space.status, url: space.url };
}

function render(output: ListSpacesOutput): string {
  if (output.spaces.length === 0) return 'No spaces found.';
  const lines = output.spaces.map((s) => `- ${s.key}: ${s.name} (${s.type}, ${s.status})`);
  if (output.next_cursor) lines.push(moreHint('spaces', output.next_cursor));
  return lines.join('\n');
}
