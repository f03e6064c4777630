const COLLAPSIBLE = /([ \t\n\r\f\u00a0]+)/;
const LINE_BREAK = '\n';

/**
 * Accumulates one run of inline output, collapsing whitespace the way a browser does:
 * runs of spaces become one, none at the start or after a line break. Line breaks are kept
 * as `\n` so the block that owns the run decides how to write them.
 */
export class InlineBuffer {
  private out = '';
  /** Whether `out` ends with a line break, tracked so it is never read back (that flattens a long string each time). */
  private atBreak = false;
  private pendingSpace = false;
  private startsWithSpace = false;

  /** Appends a text run, escaped by `escape` word by word. */
  text(value: string, escape: (word: string) => string): void {
    for (const part of value.split(COLLAPSIBLE)) {
      if (COLLAPSIBLE.test(part)) {
        this.space();
      } else if (part) {
        this.raw(escape(part));
      }
    }
  }

  /** Marks collapsible whitespace at the current position. */
  space(): void {
    if (this.out === '') {
      this.startsWithSpace = true;
    }
    this.pendingSpace = true;
  }

  /** Appends already-formatted output verbatim. */
  raw(markup: string): void {
    if (!markup) {
      return;
    }
    if (this.pendingSpace && this.out !== '' && !this.atBreak) {
      this.out += ' ';
    }
    this.pendingSpace = false;
    this.out += markup;
    this.atBreak = markup.endsWith(LINE_BREAK);
  }

  /** Appends a hard line break. */
  lineBreak(): void {
    this.pendingSpace = false;
    this.out += LINE_BREAK;
    this.atBreak = true;
  }

  /** Starts a new line unless the run is empty or already at a line start. */
  endLine(): void {
    if (this.out !== '' && !this.atBreak) {
      this.lineBreak();
    }
  }

  /**
   * Appends another run wrapped in delimiters (`**`, `<sub>`, a link's brackets…), keeping the
   * run's outer whitespace and line breaks outside the delimiters; an empty run adds nothing.
   */
  wrapped(inner: InlineBuffer, open: string, close: string): void {
    const text = inner.out;
    const body = text.trim();
    const leading = text.slice(0, text.length - text.trimStart().length);
    this.separator(leading, inner.startsWithSpace);
    if (body) {
      this.raw(`${open}${body}${close}`);
    }
    this.separator(body ? text.slice(text.trimEnd().length) : '', inner.pendingSpace);
  }

  /** Appends another run as it is. */
  append(inner: InlineBuffer): void {
    this.wrapped(inner, '', '');
  }

  /** The collected output without leading or trailing whitespace and breaks. */
  content(): string {
    return this.out.trim();
  }

  /** True when nothing but whitespace was collected. */
  isBlank(): boolean {
    return this.out.trim() === '';
  }

  private separator(whitespace: string, hadSpace: boolean): void {
    if (whitespace.includes(LINE_BREAK)) {
      this.lineBreak();
    } else if (whitespace || hadSpace) {
      this.space();
    }
  }
}
