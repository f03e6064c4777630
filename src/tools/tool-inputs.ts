import { z } from 'zod';

/**
 * Input schemas shared by the tools. Model clients are sloppy, so each accepts
 * what they really send when the meaning is unambiguous (ids as numbers,
 * page URLs, stray whitespace) and otherwise says exactly what was expected.
 */

const PAGE_ID_EXPECTED = 'expected a numeric page id such as "123456" or a Confluence page URL';
const ID_IN_URL = [/[?&]pageId=(\d+)/, /\/pages\/(\d+)(?:[/?#]|$)/, /\/pages\/edit-v2\/(\d+)/];

/** A page as the caller named it: its id, and the site it came from when given as a URL. */
export interface PageRef {
  id: string;
  /** Origin of the page URL, e.g. `https://acme.atlassian.net`; absent for a bare id. */
  origin?: string;
}

/** Reads a page reference from digits or a Confluence page URL; undefined when there is none. */
export function parsePageRef(value: string | number): PageRef | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value > 0 ? { id: String(value) } : undefined;
  const text = value.trim();
  if (/^\d{1,19}$/.test(text)) return { id: text };
  if (!/^https?:\/\//i.test(text)) return undefined;
  for (const pattern of ID_IN_URL) {
    const match = pattern.exec(text);
    if (match) return { id: match[1], origin: originOf(text) };
  }
  return undefined;
}

/** The origin of a URL a caller sent, or undefined when it does not parse. */
export function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

function pageRefInput(expected: string) {
  return z.union([z.string().max(2048), z.number()]).transform((value, ctx) => {
    const ref = parsePageRef(value);
    if (ref === undefined) {
      ctx.addIssue({ code: 'custom', message: expected });
      return z.NEVER;
    }
    return ref;
  });
}

export const pageIdInput = pageRefInput(PAGE_ID_EXPECTED).describe('Page id (digits) or the page URL');

const SPACE_KEY_PATTERN = /^~?[A-Za-z0-9_]{1,255}$/;

/** Space keys as Confluence stores them: global keys upper-case ("eng" means ENG), personal `~user` keys as given. */
export const spaceKeyInput = z
  .string()
  .trim()
  .regex(SPACE_KEY_PATTERN, 'expected a space key such as "ENG" or "~username" (letters, digits, underscore)')
  .transform((key) => (key.startsWith('~') ? key : key.toUpperCase()))
  .describe('Space key, e.g. "ENG"');

function wholeNumber(min: number, max: number, fallback: number) {
  return z
    .union([z.number(), z.string().trim().regex(/^\d+$/, `expected a whole number from ${min} to ${max}`)])
    .transform((value) => Number(value))
    .pipe(z.number().int(`expected a whole number from ${min} to ${max}`).min(min).max(max))
    .optional()
    .transform((value) => value ?? fallback);
}

export const limitInput = wholeNumber(1, 100, 25).describe('Maximum results to return (1-100, default 25)');

export const cursorInput = z
  .string()
  .trim()
  .min(1)
  .max(16384)
  .optional()
  .describe('Opaque cursor from a previous result\'s next_cursor; omit for the first page');

/** A bounded whole-number input with a default, e.g. depth or offset. */
export const boundedInt = wholeNumber;

/** A boolean that also accepts "true"/"false" strings, as models often send. */
export function booleanInput(fallback: boolean) {
  return z
    .union([z.boolean(), z.enum(['true', 'false', 'True', 'False', 'TRUE', 'FALSE'])])
    .transform((value) => value === true || (typeof value === 'string' && value.toLowerCase() === 'true'))
    .optional()
    .transform((value) => value ?? fallback);
}

/**
 * One of a fixed set of words, forgiving case and surrounding whitespace
 * ("Markdown " means `markdown`); the listed values still reach the JSON schema.
 */
export function wordInput<const T extends readonly [string, ...string[]]>(values: T) {
  return z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(values, { error: `expected one of: ${values.join(', ')}` }))
    .meta({ enum: [...values] });
}
