import { cdata, xmlElement, xmlText } from './storage-xml';

/** A macro body: converted storage for a rich-text body, or the exact text of a plain-text body. */
export type MacroBody = { kind: 'rich'; storage: string } | { kind: 'plain'; text: string };

/** A new `ac:structured-macro`; the unnamed default parameter has the name ''. */
export function macroStorage(name: string, params: Array<[string, string]>, body?: MacroBody): string {
  const parameters = params.map(([key, value]) => parameterStorage(key, value)).join('');
  return xmlElement('ac:structured-macro', { 'ac:name': name }, parameters + (body ? macroBodyStorage(body) : '') || undefined);
}

/** One `ac:parameter`. */
export function parameterStorage(name: string, value: string): string {
  return xmlElement('ac:parameter', { 'ac:name': name }, xmlText(value));
}

/** `ac:rich-text-body` or `ac:plain-text-body` (CDATA-safe). */
export function macroBodyStorage(body: MacroBody): string {
  return body.kind === 'rich'
    ? `<ac:rich-text-body>${body.storage}</ac:rich-text-body>`
    : `<ac:plain-text-body>${cdata(body.text)}</ac:plain-text-body>`;
}
