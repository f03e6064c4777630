import { CqlSyntaxError, CqlToken, tokenizeCql } from './cql-tokenizer';

export type CqlOperator = '=' | '!=' | '~' | '!~' | 'in' | 'not in' | '<' | '>' | '<=' | '>=';

/** A parsed CQL condition tree. */
export type CqlNode =
  | { kind: 'and' | 'or'; left: CqlNode; right: CqlNode }
  | { kind: 'not'; operand: CqlNode }
  | { kind: 'clause'; field: string; operator: CqlOperator; values: string[] };

export interface CqlOrder {
  field: string;
  direction: 'asc' | 'desc';
}

/** A whole CQL query: the condition (null when only `order by` is given) and its ordering. */
export interface CqlQuery {
  where: CqlNode | null;
  orderBy: CqlOrder[];
}

/** Recursive-descent parser for the CQL subset the sandbox understands. */
export class CqlParser {
  private index = 0;
  private readonly tokens: CqlToken[];

  constructor(cql: string) {
    this.tokens = tokenizeCql(cql);
  }

  static parse(cql: string): CqlQuery {
    return new CqlParser(cql).parseQuery();
  }

  parseQuery(): CqlQuery {
    const where = this.isKeyword('order') || this.atEnd() ? null : this.parseOr();
    const orderBy = this.isKeyword('order') ? this.parseOrderBy() : [];
    if (!this.atEnd()) throw new CqlSyntaxError(`Unexpected '${this.peek()?.text}'`);
    if (!where && orderBy.length === 0) throw new CqlSyntaxError('Empty query');
    return { where, orderBy };
  }

  private parseOr(): CqlNode {
    let left = this.parseAnd();
    while (this.acceptKeyword('or')) left = { kind: 'or', left, right: this.parseAnd() };
    return left;
  }

  private parseAnd(): CqlNode {
    let left = this.parseNot();
    while (this.acceptKeyword('and')) left = { kind: 'and', left, right: this.parseNot() };
    return left;
  }

  private parseNot(): CqlNode {
    if (this.acceptKeyword('not')) return { kind: 'not', operand: this.parseNot() };
    if (this.accept('lparen')) {
      const inner = this.parseOr();
      this.expect('rparen');
      return inner;
    }
    return this.parseClause();
  }

  private parseClause(): CqlNode {
    const field = this.expect('word').text;
    const operator = this.parseOperator();
    const values = operator === 'in' || operator === 'not in' ? this.parseList() : [this.parseValue()];
    return { kind: 'clause', field: field.toLowerCase(), operator, values };
  }

  private parseOperator(): CqlOperator {
    if (this.acceptKeyword('in')) return 'in';
    if (this.acceptKeyword('not')) {
      if (!this.acceptKeyword('in')) throw new CqlSyntaxError("Expected 'in' after 'not'");
      return 'not in';
    }
    return this.expect('op').text as CqlOperator;
  }

  private parseList(): string[] {
    this.expect('lparen');
    const values = [this.parseValue()];
    while (this.accept('comma')) values.push(this.parseValue());
    this.expect('rparen');
    return values;
  }

  private parseValue(): string {
    const token = this.next();
    if (token?.kind === 'string') return token.text;
    if (token?.kind !== 'word' || isReserved(token.text)) throw new CqlSyntaxError('Expected a value');
    if (this.peek()?.kind === 'lparen' && this.tokens[this.index + 1]?.kind === 'rparen') {
      this.index += 2;
      return `${token.text}()`;
    }
    return token.text;
  }

  private parseOrderBy(): CqlOrder[] {
    this.acceptKeyword('order');
    if (!this.acceptKeyword('by')) throw new CqlSyntaxError("Expected 'by' after 'order'");
    const orders: CqlOrder[] = [];
    do {
      const field = this.expect('word').text.toLowerCase();
      const direction = this.acceptKeyword('desc') ? 'desc' : 'asc';
      if (direction === 'asc') this.acceptKeyword('asc');
      orders.push({ field, direction });
    } while (this.accept('comma'));
    return orders;
  }

  private peek(): CqlToken | undefined {
    return this.tokens[this.index];
  }

  private next(): CqlToken | undefined {
    return this.tokens[this.index++];
  }

  private atEnd(): boolean {
    return this.index >= this.tokens.length;
  }

  private accept(kind: CqlToken['kind']): boolean {
    if (this.peek()?.kind !== kind) return false;
    this.index++;
    return true;
  }

  private expect(kind: CqlToken['kind']): CqlToken {
    const token = this.next();
    if (token?.kind !== kind) throw new CqlSyntaxError(`Expected ${kind} but found '${token?.text ?? 'end of query'}'`);
    return token;
  }

  private isKeyword(word: string): boolean {
    const token = this.peek();
    return token?.kind === 'word' && token.text.toLowerCase() === word;
  }

  private acceptKeyword(word: string): boolean {
    if (!this.isKeyword(word)) return false;
    this.index++;
    return true;
  }
}

function isReserved(word: string): boolean {
  return ['and', 'or', 'not', 'in', 'order', 'by'].includes(word.toLowerCase());
}
