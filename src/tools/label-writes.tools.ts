import { Injectable } from '@nestjs/common';
import { Tool } from '@rekog/mcp-nest';
import { z } from 'zod';
import { CallerRequest } from '../auth/caller';
import { ConfluenceError } from '../confluence/confluence.errors';
import { CallScope, ConfluenceAccess } from './confluence-access';
import { describeConfluenceError } from './describe-confluence-error';
import { allowedPage } from './page-writes';
import { ADDITIVE_WRITE_ANNOTATIONS, destructiveWriteAnnotations } from './tool-annotations';
import { TOOL_CATALOG } from './tool-catalog';
import { pageIdInput } from './tool-inputs';
import { toolResult } from './tool-result';
import { ToolFailure } from './tool-failure';
import { dryRunInput, labelsInput } from './write-inputs';

const labelsChangeInput = z.object({ page_id: pageIdInput, labels: labelsInput, dry_run: dryRunInput });

const labelsChangeOutput = z.object({
  page_id: z.string(),
  /** Labels this call added or removed. */
  changed: z.array(z.string()),
  /** Labels that were already there (add) or not there (remove): nothing to do. */
  unchanged: z.array(z.string()),
  /** The page's labels after the call. */
  labels: z.array(z.string()),
  dry_run: z.boolean(),
});

type LabelsChangeInput = z.infer<typeof labelsChangeInput>;
type LabelsChangeOutput = z.infer<typeof labelsChangeOutput>;

/** Tagging pages. Both tools are idempotent: adding a present label or removing an absent one changes nothing. */
@Injectable()
export class LabelWritesTools {
  constructor(private readonly access: ConfluenceAccess) {}

  @Tool({
    name: TOOL_CATALOG.addLabels.name,
    description: 'Add labels to a page (lower-case; letters, digits, "-", "_"). Labels already on the page are left alone.',
    parameters: labelsChangeInput,
    outputSchema: labelsChangeOutput,
    annotations: { title: 'Add labels to a page', ...ADDITIVE_WRITE_ANNOTATIONS, idempotentHint: true },
  })
  async addLabels(input: LabelsChangeInput, _context: unknown, request?: CallerRequest) {
    const scope = this.access.forRequest(request);
    const page = await allowedPage(this.access, scope, input.page_id, undefined);
    const present = new Set(page.labels);
    const toAdd = input.labels.filter((label) => !present.has(label));
    let labels = page.labels;
    if (!input.dry_run && toAdd.length > 0) {
      labels = (await scope.api.addLabels(page.id, toAdd, { signal: scope.signal })).map((label) => label.name);
    }
    const output = change(page.id, toAdd, input.labels, input.dry_run ? [...page.labels, ...toAdd] : labels, input.dry_run);
    return toolResult(output, describe('Added', output));
  }

  @Tool({
    name: TOOL_CATALOG.removeLabels.name,
    description: 'Remove labels from a page. Labels not on the page are reported and otherwise ignored.',
    parameters: labelsChangeInput,
    outputSchema: labelsChangeOutput,
    annotations: { title: 'Remove labels from a page', ...destructiveWriteAnnotations(true) },
  })
  async removeLabels(input: LabelsChangeInput, _context: unknown, request?: CallerRequest) {
    const scope = this.access.forRequest(request);
    const page = await allowedPage(this.access, scope, input.page_id, undefined);
    const present = new Set(page.labels);
    const toRemove = input.labels.filter((label) => present.has(label));
    if (!input.dry_run) await this.removeEach(scope, page.id, toRemove);
    const remaining = page.labels.filter((label) => !toRemove.includes(label));
    const output = change(page.id, toRemove, input.labels, remaining, input.dry_run);
    return toolResult(output, describe('Removed', output));
  }

  /** Confluence removes one label per request; if one fails, the error says which were already removed. */
  private async removeEach(scope: CallScope, pageId: string, labels: string[]): Promise<void> {
    const removed: string[] = [];
    for (const label of labels) {
      try {
        await scope.api.removeLabel(pageId, label, { signal: scope.signal });
      } catch (error) {
        if (removed.length === 0 || !(error instanceof ConfluenceError)) throw error;
        const reason = describeConfluenceError(error, {});
        throw new ToolFailure(`Removed ${removed.join(', ')} from page ${pageId}, then removing "${label}" failed: ${reason}`);
      }
      removed.push(label);
    }
  }
}

function change(pageId: string, changed: string[], requested: string[], labels: string[], dryRun: boolean): LabelsChangeOutput {
  return { page_id: pageId, changed, unchanged: requested.filter((label) => !changed.includes(label)), labels, dry_run: dryRun };
}

function describe(verb: string, output: LabelsChangeOutput): string {
  const prefix = output.dry_run ? `Dry run: would have ${verb.toLowerCase()}` : verb;
  const changed = output.changed.length > 0 ? `${prefix} ${output.changed.join(', ')}` : `Nothing to change`;
  const unchanged = output.unchanged.length > 0 ? ` (unchanged: ${output.unchanged.join(', ')})` : '';
  const now = output.labels.length > 0 ? output.labels.join(', ') : 'none';
  return `${changed}${unchanged} on page ${output.page_id}. Labels now: ${now}.`;
}
