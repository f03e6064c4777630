/** A lexical token of CQL. Words include keywords (AND, IN, ORDER ...) and unquoted values. */
export interface CqlToken {
  kind: 'word' | 'string' | 'op' | 'lparen' | 'rparen' | 'comma';
  text: string;
  position: number;
}

/** Raised for any malformed CQL; the route turns it into `400 Could not parse cql : ...`. */
export class CqlSyntaxError extends Error {}

const WORD = /[A-Za-z0-9_.:\-*@~+/]/;
const VALUE_CONTEXT = new Set(['op', 'lparen', 'comma']);

/** Splits CQL into tokens; quoted strings support `\"`, `\'` and `\\` escapes. */
export function tokenizeCql(cql: string): CqlToken[] {
  const tokens: CqlToken[] = [];
  let i = 0;
  while (i < cql.length) {
    const ch = cql[i];
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '"' || ch === "'") {
      const [text, end] = readString(cql, i);
      tokens.push({ kind: 'string', text, position: i });
      i = end;
    } else if (ch === '(' || ch === ')' || ch === ',') {
      tokens.push({ kind: ch === '(' ? 'lparen' : ch === ')' ? 'rparen' : 'comma', text: ch, position: i++ });
    } else if (isOperatorStart(cql, i, tokens)) {
      const text = readOperator(cql, i);
      tokens.push({ kind: 'op', text, position: i });
      i += text.length;
    } else if (WORD.test(ch)) {
      const start = i;
      while (i < cql.length && WORD.test(cql[i]) && !(cql[i] === '~' && i > start)) i++;
      tokens.push({ kind: 'word', text: cql.slice(start, i), position: start });
    } else {
      throw new CqlSyntaxError(`Unexpected character '${ch}' at ${i}`);
    }
  }
  return tokens;
}

function isOperatorStart(cql: string, i: number, tokens: CqlToken[]): boolean {
  const ch = cql[i];
  if (ch === '~') return !VALUE_CONTEXT.has(tokens[tokens.length - 1]?.kind ?? 'op');
  return ch === '=' || ch === '!' || ch === '<' || ch === '>';
}

function readOperator(cql: string, i: number): string {
  const two = cql.slice(i, i + 2);
  if (two === '!=' || two === '!~' || two === '>=' || two === '<=') return two;
  if (cql[i] === '!') throw new CqlSyntaxError(`Unexpected '!' at ${i}`);
  return cql[i];
}

function readString(cql: string, start: number): [string, number] {
  const quote = cql[start];
  let text = '';
  for (let i = start + 1; i < cql.length; i++) {
    const ch = cql[i];
    if (ch === '\\' && i + 1 < cql.length) {
      text += cql[++i];
    } else if (ch === quote) {
      return [text, i + 1];
    } else {
      text += ch;
    }
  }
  throw new CqlSyntaxError(`Unterminated string starting at ${start}`);
}
