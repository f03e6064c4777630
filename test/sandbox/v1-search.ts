import { CqlEvaluator } from './cql-evaluator';
import { CqlParser, CqlQuery } from './cql-parser';
import { TextTerm } from './cql-text-match';
import { badRequest } from './errors';
import { Expansion } from './expand';
import { decodeCursor, encodeCursor, PageSlice, parseLimit, parseStart, slice } from './pagination';
import { firstParam, RouteContext, RouteResult, withQuery } from './route-context';
import { SearchDocument } from './sandbox-store';
import { buildExcerpt, highlight } from './search-excerpt';
import { listLinks, pageWebui } from './v1-links';
import { relativePath, V1_DEFAULT_LIMIT, V1_MAX_LIMIT } from './v1-list';
import { V1Serializer } from './v1-serializers';

interface SearchRun {
  cql: string;
  page: PageSlice<SearchDocument>;
  total: number;
  terms: TextTerm[];
  next: string | null;
}

/** `GET /search`: CQL search with highlighted excerpts, cursor paging on Cloud and `start` paging on Data Center. */
export function searchRoute(ctx: RouteContext): RouteResult {
  const started = Date.now();
  const run = runSearch(ctx);
  const serializer = new V1Serializer(ctx);
  const expand = new Expansion(['space', ...expandPaths(Expansion.from(ctx.query).below('content'))]);
  return {
    body: {
      results: run.page.items.map((doc) => searchResult(ctx, serializer, doc, run.terms, expand)),
      start: run.page.start,
      limit: run.page.limit,
      size: run.page.items.length,
      totalSize: run.total,
      cqlQuery: run.cql,
      searchDuration: Date.now() - started,
      _links: listLinks(ctx, run.next),
    },
  };
}

/** `GET /content/search`: the same CQL engine answering a plain content list. */
export function contentSearchRoute(ctx: RouteContext): RouteResult {
  const run = runSearch(ctx);
  const serializer = new V1Serializer(ctx);
  const expand = Expansion.from(ctx.query);
  return {
    body: {
      results: run.page.items.map((doc) => serializer.page(doc.page, expand)),
      start: run.page.start,
      limit: run.page.limit,
      size: run.page.items.length,
      _links: listLinks(ctx, run.next),
    },
  };
}

function expandPaths(expand: Expansion): string[] {
  return ['body.storage', 'version', 'history', 'ancestors', 'metadata.labels'].filter((p) => expand.has(p));
}

function runSearch(ctx: RouteContext): SearchRun {
  const cql = firstParam(ctx.query, 'cql');
  if (!cql) throw badRequest('cql query parameter is required');
  const query = parseCql(cql, ctx);
  const evaluator = new CqlEvaluator(ctx.store.currentUser.accountId);
  const hits = evaluator.run(query, ctx.store.searchDocuments());
  const limit = parseLimit(ctx.query, V1_DEFAULT_LIMIT, V1_MAX_LIMIT, badRequest);
  const page = slice(hits, startOffset(ctx), limit);
  return { cql, page, total: hits.length, terms: evaluator.highlightTerms(query.where), next: nextLink(ctx, page) };
}

function parseCql(cql: string, ctx: RouteContext): CqlQuery {
  try {
    const query = CqlParser.parse(cql);
    new CqlEvaluator(ctx.store.currentUser.accountId).validate(query);
    return query;
  } catch {
    throw badRequest(`Could not parse cql : ${cql}`);
  }
}

function startOffset(ctx: RouteContext): number {
  const cursor = firstParam(ctx.query, 'cursor');
  if (ctx.layout === 'cloud' && cursor) return decodeCursor(cursor, () => badRequest(`Invalid cursor : ${cursor}`));
  return parseStart(ctx.query);
}

function nextLink(ctx: RouteContext, page: PageSlice<SearchDocument>): string | null {
  if (page.nextStart === null) return null;
  const overrides: Record<string, string> = { limit: String(page.limit), start: String(page.nextStart) };
  if (ctx.layout === 'cloud') Object.assign(overrides, { next: 'true', cursor: encodeCursor(page.nextStart) });
  return withQuery(relativePath(ctx), ctx.query, overrides);
}

function searchResult(ctx: RouteContext, serializer: V1Serializer, doc: SearchDocument, terms: TextTerm[], expand: Expansion): Record<string, unknown> {
  const space = ctx.store.getSpace(doc.page.spaceKey);
  const lastModified = doc.page.version.when;
  return {
    content: serializer.page(doc.page, expand),
    title: highlight(doc.page.title, terms),
    excerpt: buildExcerpt(doc.plainText, terms),
    url: pageWebui(ctx, doc.page),
    resultGlobalContainer: { title: space?.name ?? doc.page.spaceKey, displayUrl: `/spaces/${doc.page.spaceKey}` },
    breadcrumbs: [],
    entityType: 'content',
    iconCssClass: 'aui-icon content-type-page',
    lastModified,
    friendlyLastModified: new Date(lastModified).toLocaleDateString('en-US', { month: 'short', day: '2-digit', year: 'numeric', timeZone: 'UTC' }),
    score: 0,
  };
}
