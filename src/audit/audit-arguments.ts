import { createHash } from 'node:crypto';

/** Fields whose content never goes into the audit log, however short: page and comment bodies, file bytes, queries. */
const DIGESTED_FIELDS: ReadonlySet<string> = new Set(['body', 'content_base64', 'cql', 'storage', 'query']);

/** Longer strings in any other field are digested too: an audit line stays small and holds no document text. */
const MAX_PLAIN_STRING = 200;
const MAX_DEPTH = 4;
const MAX_ENTRIES = 50;
const MAX_KEY = 100;

/** A string the audit log does not repeat: its length in characters and its SHA-256, enough to match it to a known text. */
export interface DigestedString {
  length: number;
  sha256: string;
}

export function digest(text: string): DigestedString {
  return { length: text.length, sha256: createHash('sha256').update(text, 'utf8').digest('hex') };
}

/**
 * The arguments of a call as the audit log records them: bodies, file content and
 * queries (and any long string) reduced to length + SHA-256; nesting, list lengths
 * and key lengths bounded, since refused calls carry whatever a client sent.
 */
export function auditArguments(args: unknown): unknown {
  return reduce(args, '', 0);
}

function reduce(value: unknown, key: string, depth: number): unknown {
  if (typeof value === 'string') return DIGESTED_FIELDS.has(key) || value.length > MAX_PLAIN_STRING ? digest(value) : value;
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return depth >= MAX_DEPTH ? { array: value.length } : reduceArray(value, key, depth);
  if (typeof value === 'object') return depth >= MAX_DEPTH ? { object: Object.keys(value).length } : reduceObject(value, depth);
  return `[${typeof value}]`;
}

function reduceArray(items: unknown[], key: string, depth: number): unknown[] {
  const kept = items.slice(0, MAX_ENTRIES).map((item) => reduce(item, key, depth + 1));
  return items.length > MAX_ENTRIES ? [...kept, { omitted: items.length - MAX_ENTRIES }] : kept;
}

/** Built with `Object.fromEntries`, so a client's `__proto__` key stays a plain field. */
function reduceObject(object: object, depth: number): Record<string, unknown> {
  const entries = Object.entries(object);
  const kept = entries.slice(0, MAX_ENTRIES).map(([key, value]) => [key.slice(0, MAX_KEY), reduce(value, key, depth + 1)]);
  if (entries.length > MAX_ENTRIES) kept.push(['…omitted', entries.length - MAX_ENTRIES]);
  return Object.fromEntries(kept) as Record<string, unknown>;
}
