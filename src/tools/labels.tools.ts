import { Injectable } from '@nestjs/common';
import { Tool } from '@rekog/mcp-nest';
import { z } from 'zod';
import { CallerRequest } from '../auth/caller';
import { ConfluenceAccess } from './confluence-access';
import { READ_ONLY_ANNOTATIONS } from './tool-annotations';
import { TOOL_CATALOG } from './tool-catalog';
import { pageIdInput } from './tool-inputs';
import { toolResult } from './tool-result';

const labelsInput = z.object({ page_id: pageIdInput });
const labelsOutput = z.object({ labels: z.array(z.object({ name: z.string(), prefix: z.string() })) });

type LabelsInput = z.infer<typeof labelsInput>;
type LabelsOutput = z.infer<typeof labelsOutput>;

/** The labels (tags) on a page. */
@Injectable()
export class LabelsTools {
  constructor(private readonly access: ConfluenceAccess) {}

  @Tool({
    name: TOOL_CATALOG.getLabels.name,
    description: 'List the labels on a page (name and prefix: global, my, team). Search by label with CQL `label = "name"`.',
    parameters: labelsInput,
    outputSchema: labelsOutput,
    annotations: { title: 'List page labels', ...READ_ONLY_ANNOTATIONS },
  })
  async getLabels(input: LabelsInput, _context: unknown, request?: CallerRequest) {
    const scope = this.access.forRequest(request);
    const pageId = this.access.pageId(scope, input.page_id);
    await this.access.assertPageAllowed(scope, pageId);
    const labels = await scope.api.listLabels(pageId, { signal: scope.signal });
    const output: LabelsOutput = { labels: labels.map((l) => ({ name: l.name, prefix: l.prefix })) };
    const text = output.labels.length === 0 ? `Page ${pageId} has no labels.` : output.labels.map((l) => l.name).join(', ');
    return toolResult(output, text);
  }
}
