import { Injectable } from '@nestjs/common';
import { Tool } from '@rekog/mcp-nest';
import { z } from 'zod';
import { CallerRequest } from '../auth/caller';
import { MOVE_POSITIONS, MovePageRequest, MovePosition } from '../confluence/confluence.types';
import { ConfluenceAccess, CallScope } from './confluence-access';
import { allowedTargetPage, allowedPage, writtenOutput, writtenText } from './page-writes';
import { destructiveWriteAnnotations } from './tool-annotations';
import { TOOL_CATALOG } from './tool-catalog';
import { pageIdInput, spaceKeyInput, wordInput } from './tool-inputs';
import { toolResult } from './tool-result';
import { ToolFailure } from './tool-failure';
import { dryRunInput, optionalVersionInput } from './write-inputs';

const deleteInput = z.object({
  page_id: pageIdInput,
  version: optionalVersionInput.describe('The version you read; when given, the delete is refused if the page has changed since'),
  dry_run: dryRunInput,
});

const deleteOutput = z.object({
  id: z.string(),
  title: z.string(),
  space_key: z.string(),
  version: z.number(),
  descendants: z.number().optional(),
  dry_run: z.boolean(),
  trashed: z.boolean(),
});

const moveInput = z
  .object({
    page_id: pageIdInput,
    target_parent_id: pageIdInput
      .optional()
      .describe('append: the new parent; before/after: the sibling the page is placed next to'),
    target_space_key: spaceKeyInput.optional().describe('Move to the top level of this space (instead of target_parent_id)'),
    position: wordInput(MOVE_POSITIONS).default('append').describe('append (default): last child of target_parent_id; before/after: next to it'),
    dry_run: dryRunInput,
  })
  .refine((input) => (input.target_parent_id === undefined) !== (input.target_space_key === undefined), {
    message: 'give either "target_parent_id" or "target_space_key"',
  })
  .refine((input) => input.target_space_key === undefined || input.position === 'append', {
    message: 'position "before"/"after" needs "target_parent_id" (the sibling page)',
  });

const moveOutput = z.object({
  id: z.string(),
  title: z.string(),
  space_key: z.string(),
  version: z.number(),
  url: z.string(),
  dry_run: z.boolean(),
  position: z.enum(MOVE_POSITIONS),
  target_id: z.string().optional(),
  target_space_key: z.string(),
  recovered: z.boolean().optional(),
});

type DeleteInput = z.infer<typeof deleteInput>;
type DeleteOutput = z.infer<typeof deleteOutput>;
type MoveInput = z.infer<typeof moveInput>;
type MoveOutput = z.infer<typeof moveOutput>;

/** Moving pages around the tree and to the trash. Deleting never purges: the page can be restored from the trash. */
@Injectable()
export class PageMovesTools {
  constructor(private readonly access: ConfluenceAccess) {}

  @Tool({
    name: TOOL_CATALOG.deletePage.name,
    description:
      'Move a page to the trash (it can be restored there; nothing is purged). Give `version` to refuse the delete if the ' +
      'page changed since you read it. `dry_run` reports the title and how many pages sit below it, and deletes nothing.',
    parameters: deleteInput,
    outputSchema: deleteOutput,
    annotations: { title: 'Move a page to the trash', ...destructiveWriteAnnotations(true) },
  })
  async deletePage(input: DeleteInput, _context: unknown, request?: CallerRequest) {
    const scope = this.access.forRequest(request);
    const page = await allowedPage(this.access, scope, input.page_id, input.version);
    const base = { id: page.id, title: page.title, space_key: page.spaceKey, version: page.version };
    if (input.dry_run) {
      const descendants = await scope.api.countDescendants(page.id, { signal: scope.signal });
      const output: DeleteOutput = { ...base, descendants, dry_run: true, trashed: false };
      return toolResult(output, `Dry run: would move "${page.title}" (id ${page.id}) to the trash; it has ${descendants} descendant page(s).`);
    }
    await scope.api.trashPage(page.id, { signal: scope.signal });
    const output: DeleteOutput = { ...base, dry_run: false, trashed: true };
    return toolResult(output, `Moved "${page.title}" (id ${page.id}) to the trash of space ${page.spaceKey}; it can be restored from there.`);
  }

  @Tool({
    name: TOOL_CATALOG.movePage.name,
    description:
      'Move a page (with its children) under another parent (`target_parent_id`, position append), next to a sibling ' +
      '(position before/after), or to the top level of another space (`target_space_key`). `dry_run` checks and changes nothing.',
    parameters: moveInput,
    outputSchema: moveOutput,
    annotations: { title: 'Move a page', ...destructiveWriteAnnotations(true) },
  })
  async movePage(input: MoveInput, _context: unknown, request?: CallerRequest) {
    const scope = this.access.forRequest(request);
    const page = await allowedPage(this.access, scope, input.page_id, undefined);
    const target = await this.target(scope, input, page.id);
    const plan: MovePageRequest = { pageId: page.id, position: input.position, ...target.request };
    const where = `${input.position} ${target.label}`;
    if (input.dry_run) {
      const output: MoveOutput = { ...moveFields(page, input.position, target), url: page.url, version: page.version, dry_run: true };
      return toolResult(output, `Dry run: would move "${page.title}" (id ${page.id}) ${where}.`);
    }
    const moved = await scope.api.movePage(plan, { signal: scope.signal });
    const written = writtenOutput(moved);
    const output: MoveOutput = { ...written, position: input.position, target_id: target.request.targetId, target_space_key: target.spaceKey };
    return toolResult(output, writtenText(`Moved (${where})`, written));
  }

  /** Resolves and checks the destination: it must be allowed, and a page cannot move relative to itself. */
  private async target(scope: CallScope, input: MoveInput, pageId: string): Promise<MoveTarget> {
    if (input.target_space_key !== undefined) {
      this.access.assertSpaceAllowed(scope, input.target_space_key, `Space ${input.target_space_key}`);
      return { request: { targetSpaceKey: input.target_space_key }, spaceKey: input.target_space_key, label: `the top of space ${input.target_space_key}` };
    }
    const targetPage = await allowedTargetPage(this.access, scope, input.target_parent_id!, 'target');
    if (targetPage.id === pageId) throw new ToolFailure('A page cannot be moved relative to itself; pick another target page.');
    if (targetPage.ancestors.some((ancestor) => ancestor.id === pageId)) {
      throw new ToolFailure(`Page ${targetPage.id} is below page ${pageId}; a page cannot be moved under its own descendant.`);
    }
    return { request: { targetId: targetPage.id }, spaceKey: targetPage.spaceKey, label: `page "${targetPage.title}" (id ${targetPage.id})` };
  }
}

interface MoveTarget {
  request: Pick<MovePageRequest, 'targetId' | 'targetSpaceKey'>;
  spaceKey: string;
  label: string;
}

function moveFields(page: { id: string; title: string; spaceKey: string }, position: MovePosition, target: MoveTarget) {
  return {
    id: page.id,
    title: page.title,
    space_key: page.spaceKey,
    position,
    target_id: target.request.targetId,
    target_space_key: target.spaceKey,
  };
}
