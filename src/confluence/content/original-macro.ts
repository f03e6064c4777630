import { isTag, type ChildNode, type Element } from 'domhandler';
import { macroBodyStorage, parameterStorage, type MacroBody } from './macro-storage';
import { readMacro, type MacroParameter } from './storage-macro';
import type { StorageSource } from './storage-source';

/**
 * What to put in a restored macro's body: a new body (converted from markdown), new content inside
 * the original body element (a merged rich-text body), or the original body as it was.
 */
export type RestoredBody = MacroBody | { kind: 'inner'; storage: string } | { kind: 'original' } | undefined;

const PARAMETER_TAGS = new Set(['ac:parameter', 'ac:default-parameter']);
const BODY_TAGS = new Set(['ac:rich-text-body', 'ac:plain-text-body']);

/** The parameters of a macro by name, as placeholders show them ('' for the default parameter). */
export function macroParams(element: Element): Record<string, string> {
  return Object.fromEntries(readMacro(element).params.map((param) => [param.name, param.value]));
}

/**
 * A page's macro written back with its original start tag (ac:macro-id, schema version, local id),
 * every parameter whose value did not change as its original bytes (parameters holding page or user
 * references included), and the body as asked.
 */
export function restoreMacro(
  source: StorageSource,
  element: Element,
  params: Record<string, string>,
  body: RestoredBody,
  startTag = source.startTag(element),
): string {
  const original = readMacro(element).params;
  const unchanged = sameParams(original, params);
  let content = '';
  let paramsWritten = false;
  let bodyWritten = false;
  for (const child of element.children) {
    if (isTag(child) && PARAMETER_TAGS.has(child.name)) {
      if (unchanged) {
        content += source.text(child);
      } else if (!paramsWritten) {
        content += newParams(source, element, params);
      }
      paramsWritten = true;
    } else if (isTag(child) && BODY_TAGS.has(child.name)) {
      content += bodyWritten ? '' : bodyStorage(source, child, body);
      bodyWritten = true;
    } else {
      content += source.text(child);
    }
  }
  const leadingParams = paramsWritten || unchanged ? '' : newParams(source, element, params);
  return source.withInner(element, leadingParams + content + (bodyWritten ? '' : addedBody(body)), startTag);
}

/** A body for a macro that had none. */
function addedBody(body: RestoredBody): string {
  if (body === undefined || body.kind === 'original') return '';
  return macroBodyStorage(body.kind === 'inner' ? { kind: 'rich', storage: body.storage } : body);
}

function bodyStorage(source: StorageSource, original: Element, body: RestoredBody): string {
  if (body === undefined) return '';
  if (body.kind === 'original') return source.text(original);
  if (body.kind === 'inner') return source.withInner(original, body.storage);
  return macroBodyStorage(body);
}

function sameParams(original: MacroParameter[], params: Record<string, string>): boolean {
  const keys = Object.keys(params);
  return keys.length === original.length && original.every((param) => params[param.name] === param.value);
}

/** The new parameter list, reusing the bytes of each parameter whose value is unchanged. */
function newParams(source: StorageSource, element: Element, params: Record<string, string>): string {
  const originals = element.children.filter((child): child is Element => isTag(child) && PARAMETER_TAGS.has(child.name));
  const values = readMacro(element).params;
  return Object.entries(params)
    .map(([name, value]) => {
      const index = values.findIndex((param) => param.name === name && param.value === value);
      return index >= 0 ? source.text(originals[index] as ChildNode) : parameterStorage(name, value);
    })
    .join('');
}
