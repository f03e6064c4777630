import type { ChildNode, Element } from 'domhandler';

/**
 * One block of a markdown rendering and the storage nodes it came from, so a write can keep the
 * original bytes of every block the caller did not change.
 */
export interface RenderedBlock {
  /** The markdown blocks produced, in order; together they read as `parts.join('\n\n')`. */
  parts: string[];
  /** The sibling storage nodes rendered; empty for the separator between two lists. */
  nodes: ChildNode[];
  /** The block element, when one element produced the block rather than a run of inline nodes. */
  element?: Element;
  /** The placeholder counter before the block was rendered, to re-render it with the same ordinals. */
  ordinalBase: number;
  /** For the separator between two lists: the block it follows. */
  after?: RenderedBlock;
}

/** The empty HTML comment that keeps two adjacent lists apart in markdown. */
const LIST_SEPARATOR = '<!-- -->';

const BULLET_ITEM = /^[-*+] /;
const ORDERED_ITEM = /^\d+[.)] /;

function listKind(block: string | undefined): 'bullet' | 'ordered' | undefined {
  if (block === undefined) return undefined;
  if (BULLET_ITEM.test(block)) return 'bullet';
  return ORDERED_ITEM.test(block) ? 'ordered' : undefined;
}

/**
 * Two lists of the same kind in a row would read back as one list in markdown;
 * an empty HTML comment between them keeps them apart, as they are in the page.
 */
export function separateAdjacentLists(blocks: RenderedBlock[]): RenderedBlock[] {
  const out: RenderedBlock[] = [];
  for (const block of blocks) {
    const previous = out[out.length - 1];
    const kind = listKind(block.parts[0]);
    if (previous !== undefined && kind !== undefined && listKind(previous.parts[previous.parts.length - 1]) === kind) {
      out.push({ parts: [LIST_SEPARATOR], nodes: [], ordinalBase: block.ordinalBase, after: previous });
    }
    out.push(block);
  }
  return out;
}
