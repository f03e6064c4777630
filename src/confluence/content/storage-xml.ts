import { escapeText, escapeUTF8 } from 'entities';

/** Text content for storage: `&`, `<` and `>` escaped (and no-break spaces as `&nbsp;`). */
export function xmlText(text: string): string {
  return escapeText(text);
}

/** An attribute value for storage: the five XML special characters escaped. */
export function xmlAttribute(value: string): string {
  return escapeUTF8(value);
}

/** One element with escaped attribute values; attributes whose value is undefined are left out. */
export function xmlElement(name: string, attributes: Record<string, string | undefined>, content?: string): string {
  const attributeText = Object.entries(attributes)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([key, value]) => ` ${key}="${xmlAttribute(value)}"`)
    .join('');
  return content === undefined ? `<${name}${attributeText} />` : `<${name}${attributeText}>${content}</${name}>`;
}

/**
 * A CDATA section holding `text` exactly. CDATA cannot contain `]]>`, so each occurrence is split
 * across two sections (`]]` ends the first, `>` starts the next); a reader concatenating the
 * sections gets the text back unchanged.
 */
export function cdata(text: string): string {
  return `<![CDATA[${text.split(']]>').join(']]]]><![CDATA[>')}]]>`;
}
