import { isTag, isText, type Element, type Text } from 'domhandler';
import { isAtom } from './inline-atoms';
import { isMetadata } from './storage-elements';
import { isMacro } from './storage-macro';
import { attr, findChild } from './storage-parser';

/** Elements whose text never reaches markdown as text: code spans and blocks, maths, editor placeholders. */
const NOT_TEXT = new Set(['code', 'kbd', 'tt', 'samp', 'pre', 'math', 'ac:placeholder']);

/**
 * Walks the page text that edited markdown brings back as text tokens, in document order: `onText` for
 * each text node, `onElement` for each element holding such text (return true to skip its content).
 * Atoms (their markdown is swapped whole), code, metadata, macro parameters and hidden duplicates
 * (KaTeX's HTML beside its MathML) are left out; of a macro only its rich-text body is walked.
 */
export function walkPageText(root: Element, onText: (node: Text) => void, onElement: (element: Element) => boolean = () => false): void {
  const walk = (element: Element): void => {
    for (const child of element.children) {
      if (isText(child)) {
        onText(child);
      } else if (isTag(child) && isMacro(child) && !isAtom(child)) {
        const body = findChild(child, 'ac:rich-text-body');
        if (body) walk(body);
      } else if (isTag(child) && holdsText(child) && !onElement(child)) {
        walk(child);
      }
    }
  };
  walk(root);
}

function holdsText(element: Element): boolean {
  return !isAtom(element) && !isMetadata(element) && !NOT_TEXT.has(element.name) && attr(element, 'aria-hidden') !== 'true';
}
