import { Injectable } from '@nestjs/common';
import { Tool } from '@rekog/mcp-nest';
import { z } from 'zod';
import { CallerRequest } from '../auth/caller';
import { titleTakenConflict } from '../confluence/api/page-conflicts';
import { ConfluenceNotFoundError } from '../confluence/confluence.errors';
import { ConfluenceAccess, CallScope } from './confluence-access';
import { freshStorage, sectionStorage, storageDiff, updatedStorage } from './page-body';
import { allowedTargetPage, allowedPage, PageWriteOutput, writtenOutput, writtenText } from './page-writes';
import { ADDITIVE_WRITE_ANNOTATIONS, destructiveWriteAnnotations } from './tool-annotations';
import { TOOL_CATALOG } from './tool-catalog';
import { booleanInput, pageIdInput, spaceKeyInput, wordInput } from './tool-inputs';
import { toolResult } from './tool-result';
import { ToolFailure } from './tool-failure';
import {
  BODY_FORMATS,
  bodyInput,
  dryRunInput,
  labelsInput,
  removeMacrosInput,
  titleInput,
  versionInput,
} from './write-inputs';

const bodyFormatInput = wordInput(BODY_FORMATS)
  .default('markdown')
  .describe('markdown (default; GitHub-flavoured) or storage (Confluence XHTML)');

const createInput = z.object({
  space_key: spaceKeyInput,
  title: titleInput,
  body: bodyInput.describe('Page content'),
  body_format: bodyFormatInput,
  parent_id: pageIdInput.optional().describe('Parent page id or URL; omit for a top-level page'),
  labels: labelsInput.optional(),
  dry_run: dryRunInput,
});

const updateInput = z.object({
  page_id: pageIdInput,
  version: versionInput,
  title: titleInput.optional().describe('New title; omit to keep the current one'),
  body: bodyInput.optional().describe('The whole new body; omit to keep the current body'),
  body_format: bodyFormatInput,
  parent_id: pageIdInput.optional().describe('Move the page under this parent (same space) in the same write'),
  minor_edit: booleanInput(false).describe('true: do not notify watchers'),
  version_message: z.string().trim().max(255).optional().describe('A short note on what changed, shown in page history'),
  remove_macros: removeMacrosInput,
  dry_run: dryRunInput,
});

const sectionInput = z.object({
  page_id: pageIdInput,
  version: versionInput,
  heading: z.string().trim().min(1, 'expected the text of a heading on the page').max(500).describe('Text of the heading whose section is replaced'),
  body: bodyInput.describe('New content of the section, below its heading (the heading itself stays)'),
  body_format: bodyFormatInput,
  minor_edit: booleanInput(false).describe('true: do not notify watchers'),
  version_message: z.string().trim().max(255).optional(),
  remove_macros: removeMacrosInput,
  dry_run: dryRunInput,
});

const pageWriteOutput = z.object({
  id: z.string(),
  title: z.string(),
  space_key: z.string(),
  version: z.number(),
  url: z.string(),
  dry_run: z.boolean(),
  recovered: z.boolean().optional(),
  diff: z.string().optional(),
  storage: z.string().optional(),
  labels: z.array(z.string()).optional(),
});

type CreateInput = z.infer<typeof createInput>;
type UpdateInput = z.infer<typeof updateInput>;
type SectionInput = z.infer<typeof sectionInput>;

/**
 * Writing page content: create, whole-page update and section update. Updates
 * name the version the caller read, so a page that moved on is never overwritten.
 */
@Injectable()
export class PageEditsTools {
  constructor(private readonly access: ConfluenceAccess) {}

  @Tool({
    name: TOOL_CATALOG.createPage.name,
    description:
      'Create a page in a space from markdown (default) or storage XHTML, optionally under `parent_id` and with `labels`. ' +
      'A title already used in the space is refused with the existing page\'s id. `dry_run` returns what would be sent.',
    parameters: createInput,
    outputSchema: pageWriteOutput,
    annotations: { title: 'Create a Confluence page', ...ADDITIVE_WRITE_ANNOTATIONS },
  })
  async createPage(input: CreateInput, _context: unknown, request?: CallerRequest) {
    const scope = this.access.forRequest(request);
    this.access.assertSpaceAllowed(scope, input.space_key, `Space ${input.space_key}`);
    const parentId = input.parent_id ? await this.parentIn(scope, input.parent_id, input.space_key) : undefined;
    const storage = freshStorage(input.body, input.body_format, { baseUrl: scope.caller.connection.baseUrl, spaceKey: input.space_key });
    if (input.dry_run) {
      await this.refuseTakenTitle(scope, input.space_key, input.title);
      const output = { id: '', title: input.title, space_key: input.space_key, version: 0, url: '', dry_run: true, storage };
      return toolResult({ ...output, labels: input.labels }, `Dry run: would create "${input.title}" in ${input.space_key}.\n\n${storage}`);
    }
    const create = { spaceKey: input.space_key, title: input.title, storage, parentId, labels: input.labels };
    const output = writtenOutput(await scope.api.createPage(create, { signal: scope.signal }));
    return toolResult({ ...output, labels: input.labels }, writtenText('Created', output));
  }

  @Tool({
    name: TOOL_CATALOG.updatePage.name,
    description:
      'Replace a page\'s body and/or title. `version` must be the version you read: if someone changed the page since, ' +
      'the call fails with the current version and who changed it — read again and re-apply. Markdown is merged into the ' +
      'current page so {{confluence:macro …}} placeholders, layouts, images and mentions are kept; keep placeholder lines ' +
      'as they are. `dry_run` returns a unified diff and changes nothing.',
    parameters: updateInput,
    outputSchema: pageWriteOutput,
    annotations: { title: 'Update a Confluence page', ...destructiveWriteAnnotations(false) },
  })
  async updatePage(input: UpdateInput, _context: unknown, request?: CallerRequest) {
    if (input.title === undefined && input.body === undefined && input.parent_id === undefined) {
      throw new ToolFailure('Nothing to update: give a new "body", "title" or "parent_id".');
    }
    const scope = this.access.forRequest(request);
    const page = await allowedPage(this.access, scope, input.page_id, input.version);
    const parent = input.parent_id ? await this.parentIn(scope, input.parent_id, page.spaceKey) : undefined;
    const context = { baseUrl: scope.caller.connection.baseUrl, spaceKey: page.spaceKey, removeMacros: input.remove_macros };
    const storage = input.body === undefined ? page.storage : updatedStorage(page, input.body, input.body_format, context);
    const title = input.title ?? page.title;
    return this.writeUpdate(scope, page, { title, storage, parentId: parent, input });
  }

  @Tool({
    name: TOOL_CATALOG.updatePageSection.name,
    description:
      'Replace the content under one heading (up to the next heading of the same or higher level); every other part of ' +
      'the page stays byte-for-byte the same. `version` must be the version you read. `dry_run` returns a unified diff.',
    parameters: sectionInput,
    outputSchema: pageWriteOutput,
    annotations: { title: 'Update one section of a page', ...destructiveWriteAnnotations(false) },
  })
  async updatePageSection(input: SectionInput, _context: unknown, request?: CallerRequest) {
    const scope = this.access.forRequest(request);
    const page = await allowedPage(this.access, scope, input.page_id, input.version);
    const context = { baseUrl: scope.caller.connection.baseUrl, spaceKey: page.spaceKey, removeMacros: input.remove_macros };
    const storage = sectionStorage(page, input.heading, input.body, input.body_format, context);
    return this.writeUpdate(scope, page, { title: page.title, storage, input });
  }

  private async writeUpdate(
    scope: CallScope,
    page: Awaited<ReturnType<typeof allowedPage>>,
    change: { title: string; storage: string; parentId?: string; input: UpdateInput | SectionInput },
  ) {
    const { input } = change;
    if (input.dry_run) {
      const diff = storageDiff(page.storage, change.storage, scope.caller.connection.baseUrl, [`version ${page.version}`, 'proposed']);
      const output: PageWriteOutput = { ...summary(page), title: change.title, dry_run: true, diff, storage: change.storage };
      return toolResult(output, `Dry run: nothing was changed.\n\n${diff || 'The body would not change.'}`);
    }
    const written = await scope.api.updatePage(
      {
        pageId: page.id,
        baseVersion: page.version,
        title: change.title,
        storage: change.storage,
        parentId: change.parentId,
        minorEdit: input.minor_edit,
        message: input.version_message,
      },
      { signal: scope.signal },
    );
    const output = writtenOutput(written);
    return toolResult(output, writtenText('Updated', output));
  }

  /** The parent must exist, be allowed, and live in the page's space (Confluence cannot nest across spaces). */
  private async parentIn(scope: CallScope, ref: UpdateInput['page_id'], spaceKey: string): Promise<string> {
    const parent = await allowedTargetPage(this.access, scope, ref, 'parent');
    if (parent.spaceKey !== spaceKey) {
      throw new ToolFailure(
        `Parent page ${parent.id} is in space ${parent.spaceKey}, not ${spaceKey}. Pick a parent in ${spaceKey}, or use confluence_move_page to move across spaces.`,
      );
    }
    return parent.id;
  }

  /** A dry run answers the title question too, so the real call will not fail on it. */
  private async refuseTakenTitle(scope: CallScope, spaceKey: string, title: string): Promise<void> {
    try {
      const existing = await scope.api.findPageByTitle(spaceKey, title, { signal: scope.signal });
      throw titleTakenConflict(spaceKey, title, existing);
    } catch (error) {
      if (!(error instanceof ConfluenceNotFoundError)) throw error;
    }
  }
}

function summary(page: { id: string; title: string; spaceKey: string; version: number; url: string }): PageWriteOutput {
  return { id: page.id, title: page.title, space_key: page.spaceKey, version: page.version, url: page.url, dry_run: false };
}
