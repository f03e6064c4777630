import { z } from 'zod';
import { originOf } from './tool-inputs';

/**
 * Inputs naming an attachment. Listings return ids as "att123456"; models also
 * send the bare digits, a number, or the link they were shown, so each form
 * that names exactly one attachment is accepted.
 */

const ATTACHMENT_EXPECTED =
  'expected an attachment id such as "att123456" (or 123456), or the attachment\'s download URL from confluence_get_attachments';

/** An attachment as the caller named it: by id, or by the page and file name of its download URL. */
export type AttachmentRef =
  | { id: string; origin?: string }
  | { pageId: string; filename: string; origin?: string };

const ID_IN_URL = [/[?&]preview=(?:\/|%2F)\d+(?:\/|%2F)(?:att)?(\d{1,19})(?:\/|%2F)/i, /\/api\/v2\/attachments\/(?:att)?(\d{1,19})(?:[/?#]|$)/];
const DOWNLOAD_PATH = /\/download\/attachments\/(\d{1,19})\/([^/?#]+)/;

/** Reads an attachment reference from an id, a number or a Confluence URL; undefined when there is none. */
export function parseAttachmentRef(value: string | number): AttachmentRef | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value > 0 ? { id: `att${value}` } : undefined;
  const text = value.trim();
  const bare = /^(?:att)?(\d{1,19})$/i.exec(text);
  if (bare) return { id: `att${bare[1]}` };
  if (!/^https?:\/\//i.test(text)) return undefined;
  const origin = originOf(text);
  for (const pattern of ID_IN_URL) {
    const match = pattern.exec(text);
    if (match) return { id: `att${match[1]}`, origin };
  }
  const download = DOWNLOAD_PATH.exec(text);
  const filename = download ? decoded(download[2]) : undefined;
  return download && filename ? { pageId: download[1], filename, origin } : undefined;
}

function decoded(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

export const attachmentIdInput = z
  .union([z.string().max(4096), z.number()])
  .transform((value, ctx) => {
    const ref = parseAttachmentRef(value);
    if (ref === undefined) {
      ctx.addIssue({ code: 'custom', message: ATTACHMENT_EXPECTED });
      return z.NEVER;
    }
    return ref;
  })
  .describe('Attachment id (e.g. "att123456") or its download URL');

/** A media type such as "image/png", lower-cased; parameters like "; charset=utf-8" are not accepted. */
export const mediaTypeInput = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[\w.+-]+\/[\w.+-]+$/, 'expected a media type such as "image/png"');
