import { staleVersionConflict } from '../confluence/api/page-conflicts';
import { Page, WrittenPage } from '../confluence/confluence.types';
import { CallScope, ConfluenceAccess } from './confluence-access';
import { PageRef } from './tool-inputs';

/** Output of a page write, shared by create, update and section update. */
export interface PageWriteOutput extends Record<string, unknown> {
  id: string;
  title: string;
  space_key: string;
  version: number;
  url: string;
  dry_run: boolean;
  recovered?: boolean;
  diff?: string;
  storage?: string;
}

/**
 * Reads the page a write targets and checks it against the caller's policy and
 * the version the caller read, so a stale write is refused before anything is sent.
 */
export async function allowedPage(
  access: ConfluenceAccess,
  scope: CallScope,
  ref: PageRef,
  expectedVersion: number | undefined,
): Promise<Page> {
  const page = await access.page(scope, ref);
  if (expectedVersion !== undefined && page.version !== expectedVersion) throw staleVersionConflict(page, expectedVersion);
  return page;
}

/** Checks a page named as a new parent or move target: it must exist, be a page, and sit in an allowed space. */
export function allowedTargetPage(access: ConfluenceAccess, scope: CallScope, ref: PageRef, role: string): Promise<Page> {
  return access.page(scope, ref, `${role} page`);
}

export function writtenOutput(page: WrittenPage): PageWriteOutput {
  return {
    id: page.id,
    title: page.title,
    space_key: page.spaceKey,
    version: page.version,
    url: page.url,
    dry_run: false,
    ...(page.recovered ? { recovered: true } : {}),
  };
}

/** One line saying what was written, and a note when a lost response was confirmed by reading back. */
export function writtenText(verb: string, output: PageWriteOutput): string {
  const recovered = output.recovered ? ' (the response was lost; the write was confirmed by reading the page back)' : '';
  return `${verb} "${output.title}" (id ${output.id}, space ${output.space_key}) — now version ${output.version}${recovered}.\n${output.url}`;
}
