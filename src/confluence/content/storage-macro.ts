import { isTag, isText, type ChildNode, type Element } from 'domhandler';
import { attr, findChild, plainBodyText } from './storage-parser';

/** One macro parameter, in document order; the unnamed default parameter has name ''. */
export interface MacroParameter {
  name: string;
  value: string;
}

/** What a renderer needs to know about an `ac:structured-macro` (or legacy `ac:macro`). */
export interface StorageMacro {
  name: string;
  params: MacroParameter[];
  richBody?: Element;
  plainBody?: string;
}

const MACRO_TAGS = new Set(['ac:structured-macro', 'ac:macro']);

/** Whether an element is a macro invocation. */
export function isMacro(element: Element): boolean {
  return MACRO_TAGS.has(element.name);
}

/** Reads a macro's name, parameters and body from its storage element. */
export function readMacro(element: Element): StorageMacro {
  const plain = findChild(element, 'ac:plain-text-body');
  return {
    name: attr(element, 'ac:name') ?? '',
    params: element.children.filter(isParameter).map(readParameter),
    richBody: findChild(element, 'ac:rich-text-body'),
    plainBody: plain ? plainBodyText(plain) : undefined,
  };
}

/** The value of a named parameter, if the macro has it. */
export function macroParam(macro: StorageMacro, name: string): string | undefined {
  return macro.params.find((param) => param.name === name)?.value;
}

function isParameter(node: ChildNode): node is Element {
  return isTag(node) && (node.name === 'ac:parameter' || node.name === 'ac:default-parameter');
}

function readParameter(element: Element): MacroParameter {
  const name = element.name === 'ac:default-parameter' ? '' : (attr(element, 'ac:name') ?? '');
  const hasElements = element.children.some(isTag);
  const value = element.children.map(parameterText).join('');
  return { name, value: hasElements ? value.trim() : value };
}

/** Text of a parameter node; resource references become their identifying value (page title, space key, …). */
function parameterText(node: ChildNode): string {
  if (isText(node)) {
    return node.data;
  }
  if (!isTag(node)) {
    return '';
  }
  const reference = resourceIdentifier(node);
  return reference ?? node.children.map(parameterText).join('');
}

function resourceIdentifier(element: Element): string | undefined {
  switch (element.name) {
    case 'ri:page':
    case 'ri:blog-post': {
      const space = attr(element, 'ri:space-key');
      const title = attr(element, 'ri:content-title') ?? '';
      return space ? `${space}:${title}` : title;
    }
    case 'ri:space':
      return attr(element, 'ri:space-key') ?? '';
    case 'ri:user':
      return attr(element, 'ri:account-id') ?? attr(element, 'ri:userkey') ?? attr(element, 'ri:username') ?? '';
    case 'ri:attachment':
      return attr(element, 'ri:filename') ?? '';
    case 'ri:url':
      return attr(element, 'ri:value') ?? '';
    case 'ri:content-entity':
      return attr(element, 'ri:content-id') ?? '';
    default:
      return undefined;
  }
}
