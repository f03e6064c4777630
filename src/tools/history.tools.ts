import { Injectable } from '@nestjs/common';
import { Tool } from '@rekog/mcp-nest';
import { z } from 'zod';
import { CallerRequest } from '../auth/caller';
import { ConfluenceNotFoundError } from '../confluence/confluence.errors';
import { Page, PageVersion } from '../confluence/confluence.types';
import { ConfluenceAccess, CallScope } from './confluence-access';
import { storageDiff } from './page-body';
import { allowedPage } from './page-writes';
import { READ_ONLY_ANNOTATIONS } from './tool-annotations';
import { TOOL_CATALOG } from './tool-catalog';
import { cursorInput, limitInput, pageIdInput } from './tool-inputs';
import { moreHint, toolResult } from './tool-result';
import { ToolFailure } from './tool-failure';
import { optionalVersionInput } from './write-inputs';

const historyInput = z.object({ page_id: pageIdInput, limit: limitInput, cursor: cursorInput });

const historyOutput = z.object({
  page_id: z.string(),
  current_version: z.number(),
  versions: z.array(
    z.object({
      number: z.number(),
      author: z.string().optional(),
      created_at: z.string().optional(),
      message: z.string().optional(),
      minor_edit: z.boolean(),
    }),
  ),
  next_cursor: z.string().optional(),
});

const diffInput = z.object({
  page_id: pageIdInput,
  from_version: optionalVersionInput.describe('Older version (default: the one before to_version)'),
  to_version: optionalVersionInput.describe('Newer version (default: the current version)'),
});

const diffOutput = z.object({
  page_id: z.string(),
  from_version: z.number(),
  to_version: z.number(),
  diff: z.string(),
});

type HistoryInput = z.infer<typeof historyInput>;
type HistoryOutput = z.infer<typeof historyOutput>;
type DiffInput = z.infer<typeof diffInput>;

/** A page's past: who changed it when, and what changed between two versions. */
@Injectable()
export class HistoryTools {
  constructor(private readonly access: ConfluenceAccess) {}

  @Tool({
    name: TOOL_CATALOG.getPageHistory.name,
    description: 'List the versions of a page, newest first: number, author, date and the version message.',
    parameters: historyInput,
    outputSchema: historyOutput,
    annotations: { title: 'Page version history', ...READ_ONLY_ANNOTATIONS },
  })
  async getPageHistory(input: HistoryInput, _context: unknown, request?: CallerRequest) {
    const scope = this.access.forRequest(request);
    const page = await allowedPage(this.access, scope, input.page_id, undefined);
    const list = await scope.api.listPageVersions(page.id, { limit: input.limit, cursor: input.cursor }, { signal: scope.signal });
    const output: HistoryOutput = {
      page_id: page.id,
      current_version: page.version,
      versions: list.items.map(toVersion),
      next_cursor: list.nextCursor,
    };
    return toolResult(output, renderHistory(page, output));
  }

  @Tool({
    name: TOOL_CATALOG.getPageDiff.name,
    description:
      'A unified diff of a page\'s markdown between two versions (default: the latest change). Use ' +
      'confluence_get_page_history to find version numbers.',
    parameters: diffInput,
    outputSchema: diffOutput,
    annotations: { title: 'Diff two page versions', ...READ_ONLY_ANNOTATIONS },
  })
  async getPageDiff(input: DiffInput, _context: unknown, request?: CallerRequest) {
    const scope = this.access.forRequest(request);
    const current = await allowedPage(this.access, scope, input.page_id, undefined);
    const [from, to] = versionRange(current.version, input.from_version, input.to_version);
    const [older, newer] = await Promise.all([this.version(scope, current, from), this.version(scope, current, to)]);
    const diff = storageDiff(older.storage, newer.storage, scope.caller.connection.baseUrl, [`version ${from}`, `version ${to}`]);
    const output = { page_id: current.id, from_version: from, to_version: to, diff };
    return toolResult(output, diff || `Versions ${from} and ${to} of page ${current.id} have the same content.`);
  }

  private async version(scope: CallScope, current: Page, version: number): Promise<Page> {
    if (version === current.version) return current;
    try {
      return await scope.api.getPageVersion(current.id, version, { signal: scope.signal });
    } catch (error) {
      if (error instanceof ConfluenceNotFoundError) {
        throw new ToolFailure(`Version ${version} of page ${current.id} was not found. List its versions with confluence_get_page_history.`);
      }
      throw error;
    }
  }
}

/** Fills in defaults and checks the range against the page's current version. */
function versionRange(current: number, from: number | undefined, to: number | undefined): [number, number] {
  const newer = to ?? current;
  const older = from ?? newer - 1;
  if (newer > current) throw new ToolFailure(`The page is at version ${current}; to_version ${newer} does not exist yet.`);
  if (older < 1) throw new ToolFailure(`Page version 1 is the first version; there is nothing before it to compare with.`);
  if (older >= newer) throw new ToolFailure(`from_version (${older}) must be lower than to_version (${newer}).`);
  return [older, newer];
}

function toVersion(version: PageVersion): HistoryOutput['versions'][number] {
  return {
    number: version.number,
    author: version.author?.displayName,
    created_at: version.createdAt,
    message: version.message,
    minor_edit: version.minorEdit,
  };
}

function renderHistory(page: Page, output: HistoryOutput): string {
  const lines = output.versions.map(
    (v) => `- v${v.number}${v.author ? ` by ${v.author}` : ''}${v.created_at ? ` at ${v.created_at}` : ''}${v.minor_edit ? ' (minor)' : ''}${v.message ? `: ${v.message}` : ''}`,
  );
  if (output.next_cursor) lines.push(moreHint('versions', output.next_cursor));
  return [`"${page.title}" (id ${page.id}) is at version ${page.version}.`, ...lines].join('\n');
}
