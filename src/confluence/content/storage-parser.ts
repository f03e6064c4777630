import { Element, isCDATA, isTag, isText, type ChildNode } from 'domhandler';
import { decodeHTMLStrict } from 'entities';
import { parseDocument } from 'htmlparser2';

const ROOT_TAG = 'storage-root';
const ROOT_OPEN = `<${ROOT_TAG}>`;

/** Options for {@link parseStorage}. */
export interface ParseStorageOptions {
  /** Record where each node sits in the source, so the write path can copy original bytes (see nodeRange). */
  positions?: boolean;
}

/**
 * Parses a storage-format fragment into a DOM whose text and attribute values are fully decoded.
 * htmlparser2's xmlMode only knows the five XML entities, so the markup is parsed raw and every
 * text node and attribute is decoded afterwards with the HTML entity table (`&nbsp;`, `&rarr;`, …);
 * CDATA content is left exactly as written.
 */
export function parseStorage(storage: string, options: ParseStorageOptions = {}): Element {
  const document = parseDocument(`${ROOT_OPEN}${storage}</${ROOT_TAG}>`, {
    xmlMode: true,
    decodeEntities: false,
    recognizeCDATA: true,
    withStartIndices: options.positions === true,
    withEndIndices: options.positions === true,
  });
  const root = document.children.find((node): node is Element => isTag(node) && node.name === ROOT_TAG);
  if (!root) {
    return new Element(ROOT_TAG, {}, []);
  }
  decodeTree(root);
  return root;
}

/**
 * The `[start, end)` offsets of a node in the storage string it was parsed from with `positions`;
 * the parser's indices count the wrapping root tag and an inclusive end, both corrected here.
 */
export function nodeRange(node: ChildNode): [number, number] {
  const start = node.startIndex;
  const end = node.endIndex;
  if (start === null || end === null) {
    throw new Error('storage was parsed without positions');
  }
  return [start - ROOT_OPEN.length, end + 1 - ROOT_OPEN.length];
}

function decodeTree(element: Element): void {
  for (const [name, value] of Object.entries(element.attribs)) {
    element.attribs[name] = decodeHTMLStrict(value);
  }
  for (const child of element.children) {
    if (isText(child)) {
      child.data = decodeHTMLStrict(child.data);
    } else if (isTag(child)) {
      decodeTree(child);
    }
  }
}

/** The element children of a node, in document order. */
export function childElements(element: Element): Element[] {
  return element.children.filter(isTag);
}

/** The first direct child element with the given tag name, if any. */
export function findChild(element: Element, name: string): Element | undefined {
  return element.children.find((child): child is Element => isTag(child) && child.name === name);
}

/** An attribute value, or undefined when absent. */
export function attr(element: Element, name: string): string | undefined {
  return element.attribs[name];
}

/** Concatenated text of a subtree (text and CDATA), exactly as stored. */
export function textContent(node: ChildNode): string {
  if (isText(node)) {
    return node.data;
  }
  if (isTag(node) || isCDATA(node)) {
    return node.children.map(textContent).join('');
  }
  return '';
}

/** The body of an `ac:plain-text-body`: its CDATA sections when present, else its text. */
export function plainBodyText(body: Element): string {
  const cdata = body.children.filter(isCDATA);
  return cdata.length > 0 ? cdata.map(textContent).join('') : textContent(body);
}

/** The first descendant element (depth-first) matching a predicate. */
export function findDescendant(element: Element, matches: (candidate: Element) => boolean): Element | undefined {
  for (const child of element.children) {
    if (isTag(child)) {
      const found = matches(child) ? child : findDescendant(child, matches);
      if (found) {
        return found;
      }
    }
  }
  return undefined;
}
