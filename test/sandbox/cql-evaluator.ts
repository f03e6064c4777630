import { CqlNode, CqlOperator, CqlOrder, CqlQuery } from './cql-parser';
import { matchesTerms, TextTerm, textTerms } from './cql-text-match';
import { CqlSyntaxError } from './cql-tokenizer';
import { SearchDocument } from './sandbox-store';

type FieldKind = 'text' | 'title' | 'keyword' | 'date';

const FIELDS: Record<string, FieldKind> = {
  text: 'text', sitesearch: 'text', title: 'title', type: 'keyword', space: 'keyword', 'space.key': 'keyword',
  id: 'keyword', content: 'keyword', ancestor: 'keyword', parent: 'keyword', label: 'keyword', creator: 'keyword',
  created: 'date', lastmodified: 'date',
};

const OPERATORS: Record<FieldKind, CqlOperator[]> = {
  text: ['~', '!~'],
  title: ['=', '!=', '~', '!~', 'in', 'not in'],
  keyword: ['=', '!=', 'in', 'not in'],
  date: ['=', '!=', '<', '>', '<=', '>='],
};

const TYPES = new Set(['page', 'blogpost', 'comment', 'attachment', 'space', 'user', 'folder', 'whiteboard', 'database']);
const ORDER_FIELDS = new Set(['title', 'created', 'lastmodified', 'id']);

/** Checks a parsed CQL query against the supported fields and runs it over the search documents. */
export class CqlEvaluator {
  constructor(private readonly currentAccountId: string) {}

  validate(query: CqlQuery): void {
    if (query.where) this.validateNode(query.where);
    for (const order of query.orderBy) {
      if (!ORDER_FIELDS.has(order.field)) throw new CqlSyntaxError(`Cannot order by '${order.field}'`);
    }
  }

  run(query: CqlQuery, documents: SearchDocument[]): SearchDocument[] {
    const hits = query.where ? documents.filter((d) => this.matches(query.where as CqlNode, d)) : [...documents];
    return query.orderBy.length ? hits.sort((a, b) => compareBy(query.orderBy, a, b)) : hits;
  }

  /** Positive text terms (from `text`, `siteSearch` and `title ~`), used to highlight excerpts. */
  highlightTerms(node: CqlNode | null): TextTerm[] {
    if (!node || node.kind === 'not') return [];
    if (node.kind !== 'clause') return [...this.highlightTerms(node.left), ...this.highlightTerms(node.right)];
    return node.operator === '~' ? node.values.flatMap(textTerms) : [];
  }

  private validateNode(node: CqlNode): void {
    if (node.kind === 'not') return this.validateNode(node.operand);
    if (node.kind !== 'clause') {
      this.validateNode(node.left);
      this.validateNode(node.right);
      return;
    }
    const kind = FIELDS[node.field];
    if (!kind) throw new CqlSyntaxError(`Unknown field '${node.field}'`);
    if (!OPERATORS[kind].includes(node.operator)) throw new CqlSyntaxError(`Operator '${node.operator}' not supported on '${node.field}'`);
    if (node.field === 'type' && node.values.some((v) => !TYPES.has(v))) throw new CqlSyntaxError('Unsupported value for type');
    if (kind === 'date' && node.values.some((v) => Number.isNaN(Date.parse(v)))) throw new CqlSyntaxError('Invalid date');
  }

  private matches(node: CqlNode, doc: SearchDocument): boolean {
    switch (node.kind) {
      case 'and':
        return this.matches(node.left, doc) && this.matches(node.right, doc);
      case 'or':
        return this.matches(node.left, doc) || this.matches(node.right, doc);
      case 'not':
        return !this.matches(node.operand, doc);
      default:
        return this.matchesClause(node, doc);
    }
  }

  private matchesClause(clause: Extract<CqlNode, { kind: 'clause' }>, doc: SearchDocument): boolean {
    const { operator, values } = clause;
    if (operator === '~' || operator === '!~') {
      const words = clause.field === 'title' ? doc.titleWords : doc.textWords;
      const hit = values.some((v) => matchesTerms(textTerms(v), words));
      return operator === '~' ? hit : !hit;
    }
    if (FIELDS[clause.field] === 'date') return compareDate(operator, dateOf(clause.field, doc), Date.parse(values[0]));
    const hit = values.some((v) => this.fieldEquals(clause.field, v, doc));
    return operator === '=' || operator === 'in' ? hit : !hit;
  }

  private fieldEquals(field: string, value: string, doc: SearchDocument): boolean {
    const page = doc.page;
    switch (field) {
      case 'title':
        return page.title.toLowerCase() === value.toLowerCase();
      case 'type':
        return value === 'page';
      case 'space':
      case 'space.key':
        return page.spaceKey.toLowerCase() === value.toLowerCase();
      case 'id':
      case 'content':
        return page.id === value;
      case 'ancestor':
        return doc.ancestorIds.includes(value);
      case 'parent':
        return page.parentId === value;
      case 'label':
        return doc.labelNames.has(value.toLowerCase());
      default:
        return page.authorId === (value.toLowerCase() === 'currentuser()' ? this.currentAccountId : value);
    }
  }
}

function dateOf(field: string, doc: SearchDocument): number {
  return Date.parse(field === 'created' ? doc.page.createdAt : doc.page.version.when);
}

function compareDate(operator: CqlOperator, actual: number, expected: number): boolean {
  const day = 86_400_000;
  switch (operator) {
    case '<':
      return actual < expected;
    case '>':
      return actual > expected;
    case '<=':
      return actual <= expected + day;
    case '>=':
      return actual >= expected;
    case '=':
      return actual >= expected && actual < expected + day;
    default:
      return !(actual >= expected && actual < expected + day);
  }
}

function sortKey(field: string, doc: SearchDocument): string | number {
  if (field === 'title') return doc.page.title.toLowerCase();
  if (field === 'id') return Number(doc.page.id);
  return dateOf(field, doc);
}

function compareBy(orders: CqlOrder[], a: SearchDocument, b: SearchDocument): number {
  for (const { field, direction } of orders) {
    const [x, y] = [sortKey(field, a), sortKey(field, b)];
    if (x !== y) return (x < y ? -1 : 1) * (direction === 'desc' ? -1 : 1);
  }
  return 0;
}
