import MarkdownIt from 'markdown-it';
import { placeholderAt } from './macro-placeholder';

/** A markdown-it token. */
export type Token = MarkdownIt.Token;

/** Extra input to a parse: the merge swaps known inline atoms for stand-ins before inline parsing. */
export interface ParseEnv {
  substitute?: (inlineSource: string) => string;
}

const ALERT_MARKER = /^\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\][ \t]*(?:\n|$)/i;
const TASK_MARKER = /^\[([ xX])\](?:[ \t]+|$)/;

/**
 * GitHub-flavoured markdown as the write path reads it: CommonMark with tables and strikethrough,
 * raw HTML tokenised (so the writer can escape it, keep `<u>`/`<sub>`/`<sup>`/`<br>` and read its own
 * comment markers), link targets left exactly as written (`page:DEV/My+Page`, `my file.pdf`),
 * `{{confluence:…}}` placeholders as tokens, GitHub alerts and task lists marked on their tokens.
 */
const markdown = new MarkdownIt({ html: true, linkify: false, typographer: false });
markdown.normalizeLink = (url: string): string => url;
markdown.normalizeLinkText = (text: string): string => text;
markdown.inline.ruler.before('escape', 'confluence_placeholder', placeholderRule);
markdown.core.ruler.after('block', 'confluence_alerts', alertRule);
markdown.core.ruler.after('confluence_alerts', 'confluence_tasks', taskRule);
markdown.core.ruler.after('confluence_tasks', 'confluence_atoms', atomRule);

/** Line breaks as markdown-it reads them (`\r\n` and `\r` become `\n`), for comparing markdown with markdown. */
export function normalizeNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** Parses markdown into markdown-it's block token stream (inline tokens carry their children). */
export function parseMarkdown(source: string, env: ParseEnv = {}): Token[] {
  return markdown.parse(source, env);
}

/** Parses one line of inline markdown (a table cell, a heading given by name). */
export function parseInlineMarkdown(source: string, env: ParseEnv = {}): Token[] {
  return markdown.parseInline(source, env);
}

/** `{{confluence:macro …}}`, `{{/confluence:macro #n}}` and `{{confluence:placeholder …}}` become single tokens. */
function placeholderRule(state: MarkdownIt.StateInline, silent: boolean): boolean {
  if (state.src.charCodeAt(state.pos) !== 0x7b) {
    return false;
  }
  const found = placeholderAt(state.src, state.pos);
  if (!found) {
    return false;
  }
  if (!silent) {
    const token = state.push(`confluence_${found.kind}`, '', 0);
    token.meta = found;
    token.content = state.src.slice(state.pos, state.pos + found.length);
  }
  state.pos += found.length;
  return true;
}

/** `> [!NOTE]` as the first line of a blockquote: the kind goes on the blockquote, the marker line away. */
function alertRule(state: MarkdownIt.StateCore): void {
  const tokens = state.tokens;
  for (let i = tokens.length - 3; i >= 0; i -= 1) {
    const inline = tokens[i + 2];
    const marker = tokens[i].type === 'blockquote_open' && tokens[i + 1].type === 'paragraph_open' ? ALERT_MARKER.exec(inline.content) : null;
    if (marker) {
      tokens[i].meta = { alert: marker[1].toUpperCase() };
      inline.content = inline.content.slice(marker[0].length);
      if (inline.content.trim() === '') {
        tokens.splice(i + 1, 3);
      }
    }
  }
}

/** A bullet list whose every item starts with `[ ]` or `[x]` is a task list; the markers move onto the tokens. */
function taskRule(state: MarkdownIt.StateCore): void {
  const tokens = state.tokens;
  tokens.forEach((token, index) => {
    if (token.type !== 'bullet_list_open') {
      return;
    }
    const items = directItems(tokens, index);
    const markers = items.map((item) => (tokens[item + 1]?.type === 'paragraph_open' ? TASK_MARKER.exec(tokens[item + 2].content) : null));
    if (items.length === 0 || markers.some((marker) => marker === null)) {
      return;
    }
    token.meta = { tasks: true };
    items.forEach((item, position) => {
      const marker = markers[position] as RegExpExecArray;
      tokens[item].meta = { checked: marker[1] !== ' ' };
      tokens[item + 2].content = tokens[item + 2].content.slice(marker[0].length);
    });
  });
}

function directItems(tokens: Token[], listIndex: number): number[] {
  const level = tokens[listIndex].level;
  const items: number[] = [];
  for (let i = listIndex + 1; i < tokens.length && tokens[i].level > level; i += 1) {
    if (tokens[i].type === 'list_item_open' && tokens[i].level === level + 1) {
      items.push(i);
    }
  }
  return items;
}

function atomRule(state: MarkdownIt.StateCore): void {
  const substitute = (state.env as ParseEnv).substitute;
  if (!substitute) {
    return;
  }
  for (const token of state.tokens) {
    if (token.type === 'inline') {
      token.content = substitute(token.content);
    }
  }
}
