import { ConfluenceConflictError } from '../confluence/confluence.errors';
import { toolTraits } from '../tools/tool-catalog';
import { AuditTargets, AuditVersions } from './audit-record';

type Fields = Record<string, unknown>;

/** Argument names that name a target, and where each goes in the record. */
const ARGUMENT_TARGETS: [string, keyof AuditTargets][] = [
  ['page_id', 'pageId'],
  ['space_key', 'spaceKey'],
  ['attachment_id', 'attachmentId'],
  ['comment_id', 'commentId'],
  ['parent_comment_id', 'commentId'],
  ['parent_id', 'parentPageId'],
  ['target_parent_id', 'targetPageId'],
  ['target_space_key', 'targetSpaceKey'],
];

/** Longest id kept: refused calls carry whatever a client sent. */
const MAX_ID = 100;

/**
 * The pages, spaces, attachments and comments a call names: from its arguments
 * (parsed page references or, for refused calls, the raw values) and, once it
 * ran, from its result — the page a create made, the comment or attachment it added.
 */
export function targetsOf(tool: string, args: unknown, result?: unknown): AuditTargets {
  const targets: AuditTargets = {};
  const input = asFields(args);
  for (const [name, target] of ARGUMENT_TARGETS) {
    const id = idOf(input?.[name]);
    if (id !== undefined && targets[target] === undefined) targets[target] = id;
  }
  const output = structuredContentOf(result);
  if (!output) return targets;
  const produced = idOf(output.id);
  if (produced !== undefined) targets[resultIdTarget(tool)] ??= produced;
  targets.pageId ??= idOf(output.page_id);
  targets.spaceKey ??= idOf(output.space_key);
  return targets;
}

/**
 * For write tools: the version the caller based the write on (its `version`
 * argument; for a delete, the version trashed), the version it produced, and
 * on a conflict the version the page is at now. Undefined for read tools.
 */
export function versionsOf(tool: string, args: unknown, result: unknown, failure: unknown): AuditVersions | undefined {
  const traits = toolTraits(tool);
  if (!traits || traits.readOnly) return undefined;
  const output = structuredContentOf(result);
  const written = output !== undefined && output.dry_run !== true;
  const trashed = output?.trashed === true;
  const versions: AuditVersions = {
    before: versionOf(asFields(args)?.version) ?? versionOf(output?.previous_version) ?? (trashed ? versionOf(output?.version) : undefined),
    after: written && !trashed ? versionOf(output?.version) : undefined,
    current: failure instanceof ConfluenceConflictError ? failure.currentVersion : undefined,
  };
  return withoutUndefined(versions);
}

/** What the `id` of a tool's result is: a comment for comment tools, an attachment for attachment tools, else a page. */
function resultIdTarget(tool: string): keyof AuditTargets {
  const toolsets = toolTraits(tool)?.toolsets ?? [];
  if (toolsets.includes('comments')) return 'commentId';
  if (toolsets.includes('attachments')) return 'attachmentId';
  return 'pageId';
}

function structuredContentOf(result: unknown): Fields | undefined {
  return asFields(asFields(result)?.structuredContent);
}

function asFields(value: unknown): Fields | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Fields) : undefined;
}

/** An id as given: a string, a number, or a parsed page reference `{ id, origin }`. */
function idOf(value: unknown): string | undefined {
  if (typeof value === 'string' && value.length > 0) return value.slice(0, MAX_ID);
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  const ref = asFields(value)?.id;
  return typeof ref === 'string' ? ref.slice(0, MAX_ID) : undefined;
}

function versionOf(value: unknown): number | undefined {
  const version = typeof value === 'string' && /^\d{1,10}$/.test(value.trim()) ? Number(value) : value;
  return typeof version === 'number' && Number.isInteger(version) && version >= 0 ? version : undefined;
}

function withoutUndefined(versions: AuditVersions): AuditVersions {
  return Object.fromEntries(Object.entries(versions).filter(([, v]) => v !== undefined)) as AuditVersions;
}
