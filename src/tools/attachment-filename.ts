import { ToolFailure } from './tool-failure';

/** Control characters (C0, DEL, C1) and the invisible direction marks that can disguise an extension ("txt.exe"). */
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
/** Characters Windows and most file systems refuse in a name; attachments end up on users' disks. */
const RESERVED = /[<>:"|?*]/g;
const MAX_LENGTH = 255;

/**
 * The name an uploaded file is stored under: only its last path component
 * (a model may pass "C:\tmp\report.pdf" or "../../etc/passwd"), without
 * control, invisible or reserved characters, and without the trailing dots
 * and spaces Windows drops. Refuses a name with nothing usable left.
 */
export function sanitizeFilename(raw: string): string {
  const lastComponent = raw.split(/[\\/]/).pop() ?? '';
  const name = lastComponent
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(RESERVED, '')
    .trim()
    .replace(/[. ]+$/, '');
  if (name === '' || /^\.+$/.test(name)) {
    throw new ToolFailure(
      `The file name "${printable(raw)}" has nothing usable left after removing path components, control and reserved ` +
        'characters (< > : " | ? * / \\). Give a plain file name such as "report.pdf".',
    );
  }
  if (name.length > MAX_LENGTH) {
    throw new ToolFailure(`The file name is ${name.length} characters long; Confluence allows at most ${MAX_LENGTH}. Use a shorter name.`);
  }
  return name;
}

/** The name as it may be quoted back in an error: no control characters, bounded length. */
function printable(raw: string): string {
  const visible = raw.replace(INVISIBLE, '?');
  return visible.length > 80 ? `${visible.slice(0, 80)}…` : visible;
}
