import { ConfluenceInvalidRequestError } from './confluence.errors';
import type { ConfluenceDeployment } from './confluence.types';

export type SearchContentType = 'page' | 'blogpost' | 'comment' | 'attachment';

export interface SearchCqlInput {
  /** Plain words; searched as one quoted string, never parsed as CQL. */
  query?: string;
  /** Raw CQL from the caller; parenthesised so the constraints added here always apply. */
  cql?: string;
  /** Restricts to these spaces; an empty list is refused rather than read as "no restriction". */
  spaceKeys?: string[];
  type?: SearchContentType;
}

const SORT_FIELD = String.raw`[\w.-]+(?:\s+(?:asc|desc))?`;
const ORDER_BY = new RegExp(String.raw`^order\s+by\s+${SORT_FIELD}(?:\s*,\s*${SORT_FIELD})*$`, 'i');

interface SplitCql {
  condition: string;
  orderBy?: string;
}

/** Quotes text as a CQL string literal: `he said "hi"` → `"he said \"hi\""`. */
export function escapeCqlString(text: string): string {
  const escaped = text.replace(/[\r\n\t]+/g, ' ').replace(/\\/g, '\\\\').replace(/"/g, '\\"');
  return `"${escaped}"`;
}

/**
 * Builds the CQL for a search so that nothing in `query` or `cql` can lift the space and
 * type restrictions: `(<cql>) AND siteSearch ~ "<query>" AND space in (...) AND type = "page" order by ...`.
 * `siteSearch` exists only on Cloud; Data Center uses `text`.
 */
export function buildSearchCql(input: SearchCqlInput, deployment: ConfluenceDeployment): string {
  const raw = input.cql?.trim() ? splitOrderBy(input.cql.trim()) : undefined;
  const clauses = [
    raw ? `(${raw.condition})` : undefined,
    input.query?.trim() ? `${textField(deployment)} ~ ${escapeCqlString(input.query.trim())}` : undefined,
    spaceClause(input.spaceKeys),
    input.type ? `type = ${escapeCqlString(input.type)}` : undefined,
  ].filter((clause): clause is string => clause !== undefined);
  if (clauses.length === 0) throw new ConfluenceInvalidRequestError('Give a search query or CQL.');
  const where = clauses.join(' AND ');
  return raw?.orderBy ? `${where} ${raw.orderBy}` : where;
}

function textField(deployment: ConfluenceDeployment): string {
  return deployment === 'cloud' ? 'siteSearch' : 'text';
}

function spaceClause(spaceKeys: string[] | undefined): string | undefined {
  if (spaceKeys === undefined) return undefined;
  if (spaceKeys.length === 0) throw new ConfluenceInvalidRequestError('The list of space keys is empty.');
  return `space in (${spaceKeys.map(escapeCqlString).join(', ')})`;
}

/**
 * Separates a trailing top-level `order by` from raw CQL, and refuses CQL whose quotes or
 * parentheses do not balance — an unbalanced `)` could otherwise close our parenthesis early.
 */
export function splitOrderBy(cql: string): SplitCql {
  const orderByAt = scanTopLevel(cql);
  if (orderByAt === undefined) return { condition: cql };
  const condition = cql.slice(0, orderByAt).trim();
  const orderBy = cql.slice(orderByAt).trim();
  if (condition === '') throw new ConfluenceInvalidRequestError('The CQL has an order by clause but no condition.');
  if (!ORDER_BY.test(orderBy)) throw new ConfluenceInvalidRequestError('The CQL order by clause must list fields only.');
  return { condition, orderBy };
}

/** Walks the CQL once, tracking strings and parenthesis depth; returns where a top-level `order by` starts. */
function scanTopLevel(cql: string): number | undefined {
  let depth = 0;
  let quote: string | undefined;
  let orderByAt: number | undefined;
  for (let i = 0; i < cql.length; i++) {
    const char = cql[i];
    if (quote) {
      if (char === '\\') i++;
      else if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '(') depth++;
    else if (char === ')' && --depth < 0) throw unbalanced();
    else if (depth === 0 && orderByAt === undefined && startsOrderBy(cql, i)) orderByAt = i;
  }
  if (quote || depth !== 0) throw unbalanced();
  return orderByAt;
}

function startsOrderBy(cql: string, index: number): boolean {
  const before = index === 0 ? ' ' : cql[index - 1];
  return /[\s)]/.test(before) && /^order\s+by\b/i.test(cql.slice(index));
}

function unbalanced(): ConfluenceInvalidRequestError {
  return new ConfluenceInvalidRequestError('The CQL has unbalanced quotes or parentheses.');
}
