import { z } from 'zod';
import { booleanInput } from './tool-inputs';

/**
 * Inputs shared by the write tools. Like the read inputs they forgive what
 * models really send (numbers as strings, one label instead of a list) and
 * say exactly what was expected otherwise.
 */

export const BODY_FORMATS = ['markdown', 'storage'] as const;
export type WriteFormat = (typeof BODY_FORMATS)[number];

export const dryRunInput = booleanInput(false).describe(
  'true: change nothing and return what would be sent (for updates, a unified diff of the markdown)',
);

const VERSION_EXPECTED = 'expected the page version you read, a whole number such as 4';

const pageVersion = z
  .union([z.number(), z.string().trim().regex(/^\d{1,10}$/, VERSION_EXPECTED)])
  .transform((value) => Number(value))
  .pipe(z.number().int(VERSION_EXPECTED).min(1, VERSION_EXPECTED));

export const versionInput = pageVersion.describe(
  'The version of the page you read (from confluence_get_page); the write is refused if the page has moved on since',
);

export const optionalVersionInput = pageVersion.optional();

export const titleInput = z
  .string()
  .trim()
  .min(1, 'expected a non-empty page title')
  .max(255, 'a Confluence page title has at most 255 characters')
  .describe('Page title (unique within its space)');

export const bodyInput = z.string().max(5_000_000, 'the body is too large (at most 5,000,000 characters)');

export const removeMacrosInput = z
  .array(z.union([z.number().int().positive(), z.string().trim().regex(/^#?\d+$/).transform((v) => Number(v.replace('#', '')))]))
  .max(1000)
  .optional()
  .describe(
    'Ordinals (#n) of {{confluence:macro … #n}} placeholders you deleted on purpose; without this, a body that drops a placeholder is refused',
  );

const LABEL_FORBIDDEN = /[\s!#&()*,.:;<>?@[\]^]/;

/** One Confluence label: lower-cased as Confluence stores it; spaces and punctuation Confluence forbids are refused. */
export const labelInput = z
  .string()
  .trim()
  .min(1, 'expected a label such as "release-notes"')
  .max(255, 'a label has at most 255 characters')
  .toLowerCase()
  .refine((label) => !LABEL_FORBIDDEN.test(label), {
    message: 'a label cannot contain spaces or any of ! # & ( ) * , . : ; < > ? @ [ ] ^ (use "-" or "_" instead)',
  });

/** A list of labels; a single label is accepted as a list of one. Duplicates are dropped. */
export const labelsInput = z
  .union([labelInput.transform((label) => [label]), z.array(labelInput).min(1, 'expected at least one label').max(100)])
  .transform((labels) => [...new Set(labels)])
  .describe('Labels, e.g. ["release-notes", "q3"] (lower-case; letters, digits, "-" and "_")');

/** A numeric Confluence content id (comment, attachment) given as digits or a number. */
export function contentIdInput(what: string) {
  const expected = `expected a numeric ${what} such as "196609"`;
  return z
    .union([z.number().int().positive(), z.string().trim().regex(/^\d{1,19}$/, expected)])
    .transform((value) => String(value))
    .describe(`${what[0].toUpperCase()}${what.slice(1)} (digits)`);
}
