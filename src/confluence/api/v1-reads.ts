import { ConfluenceAuthenticationError, ConfluenceNotFoundError } from '../confluence.errors';
import type { ConfluenceHttpClient } from '../confluence-http.client';
import type { QueryParams } from '../confluence-http.types';
import type {
  CallOptions,
  Comment,
  ConfluenceApi,
  ConfluenceConnection,
  ConfluenceUser,
  Label,
  ListAttachmentsRequest,
  ListCommentsRequest,
  ListPagesRequest,
  ListSpacesRequest,
  Page,
  PageRequest,
  PageSummary,
  Paged,
  SearchHit,
  SearchRequest,
  Space,
  Attachment,
} from '../confluence.types';
import { PagedBody, listTarget, nextCursorOf, pathId } from './paging';
import { callFields, V1Client } from './v1-client';
import { isAnonymousUser, userIdOf, v1Comment, v1Page, v1SearchHit, v1User } from './v1-mappers';
import type { V1Content, V1PagedList, V1SearchResult, V1User } from './v1.types';

/** Everything a page read needs, in one round trip. */
export const V1_PAGE_EXPAND = 'body.storage,version,space,history,ancestors,metadata.labels';
const V1_SEARCH_EXPAND = 'content.space,content.version';
const V1_COMMENT_EXPAND = 'body.storage,history,version,extensions.inlineProperties,ancestors';

/** One page of a listing with the base its relative links resolve against. */
export interface FetchedList<T> {
  results: T[];
  base: string;
  nextCursor?: string;
}

/**
 * The reads both deployments serve from REST v1 (CQL search, single pages with everything
 * expanded, comments with replies, the current user), plus the plumbing for paged GETs.
 * Subclasses add the writes (v1-writes.ts) and the listings where Cloud prefers v2.
 */
export abstract class V1ConfluenceApi implements Partial<ConfluenceApi> {
  /** GETs and writes under this connection; the write helpers of subclasses share it. */
  protected readonly client: V1Client;

  constructor(
    protected readonly http: ConfluenceHttpClient,
    protected readonly connection: ConfluenceConnection,
  ) {
    this.client = new V1Client(http, connection);
  }

  abstract listSpaces(req: ListSpacesRequest, opts?: CallOptions): Promise<Paged<Space>>;
  abstract listPages(req: ListPagesRequest, opts?: CallOptions): Promise<Paged<PageSummary>>;
  abstract listChildren(pageId: string, req: PageRequest, opts?: CallOptions): Promise<Paged<PageSummary>>;
  abstract listAttachments(req: ListAttachmentsRequest, opts?: CallOptions): Promise<Paged<Attachment>>;
  abstract listLabels(pageId: string, opts?: CallOptions): Promise<Label[]>;

  async search(req: SearchRequest, opts?: CallOptions): Promise<Paged<SearchHit>> {
    const query = { cql: req.cql, limit: req.limit, expand: V1_SEARCH_EXPAND };
    const page = await this.fetchList<V1SearchResult>('/rest/api/search', query, req.cursor, opts, ['cql']);
    const items = page.results
      .map((result) => v1SearchHit(result, page.base))
      .filter((hit): hit is SearchHit => hit !== undefined);
    return { items, nextCursor: page.nextCursor };
  }

  async getPage(pageId: string, opts?: CallOptions): Promise<Page> {
    const path = `/rest/api/content/${pathId(pageId, 'page id')}`;
    const content = await this.get<V1Content>(path, { expand: V1_PAGE_EXPAND }, opts);
    return v1Page(content, content._links?.base ?? this.connection.baseUrl);
  }

  async findPageByTitle(spaceKey: string, title: string, opts?: CallOptions): Promise<Page> {
    const query = { type: 'page', spaceKey, title, limit: 1, expand: V1_PAGE_EXPAND };
    const list = await this.get<V1PagedList<V1Content>>('/rest/api/content', query, opts);
    const content = list.results?.[0];
    if (!content) throw new ConfluenceNotFoundError(`No page titled "${title}" in space ${spaceKey}.`, 404);
    return v1Page(content, list._links?.base ?? this.connection.baseUrl);
  }

  /** Footer comments and their replies in one call (`depth=all`); inline ones too when asked. */
  async listComments(req: ListCommentsRequest, opts?: CallOptions): Promise<Paged<Comment>> {
    const path = `/rest/api/content/${pathId(req.pageId, 'page id')}/child/comment`;
    const location = req.includeInline ? ['footer', 'inline'] : ['footer'];
    const query = { expand: V1_COMMENT_EXPAND, depth: 'all', location, limit: req.limit };
    const page = await this.fetchList<V1Content>(path, query, req.cursor, opts, ['location']);
    return { items: page.results.map((content) => v1Comment(content, page.base)), nextCursor: page.nextCursor };
  }

  /** Refuses an anonymous session, so the readiness probe cannot pass with credentials Confluence ignored. */
  async currentUser(opts?: CallOptions): Promise<ConfluenceUser> {
    const user = await this.get<V1User | undefined>('/rest/api/user/current', {}, opts);
    if (!user || isAnonymousUser(user)) {
      throw new ConfluenceAuthenticationError('Confluence treats these credentials as anonymous; check the credentials.');
    }
    return v1User(user) ?? { accountId: userIdOf(user), displayName: userIdOf(user) ?? '' };
  }

  protected get<T>(path: string, query: QueryParams, opts?: CallOptions): Promise<T> {
    return this.client.get<T>(path, query, opts);
  }

  /** GETs one page of a v1 or v2 listing, following the caller's cursor when there is one. */
  protected async fetchList<T>(
    path: string,
    query: QueryParams,
    cursor: string | undefined,
    opts: CallOptions | undefined,
    pinned: string[] = [],
  ): Promise<FetchedList<T>> {
    const target = listTarget(path, query, cursor, pinned);
    const response = await this.http.request<PagedBody<T> | undefined>(this.connection, {
      method: 'GET',
      ...target,
      ...callFields(opts),
    });
    return {
      results: response.body?.results ?? [],
      base: response.body?._links?.base ?? this.connection.baseUrl,
      nextCursor: nextCursorOf(this.connection.baseUrl, response),
    };
  }

  /** Reads every page of a short listing (labels), up to `maxPages` requests. */
  protected async fetchAll<T>(path: string, query: QueryParams, opts: CallOptions | undefined, maxPages = 5): Promise<T[]> {
    const all: T[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < maxPages; page++) {
      const list: FetchedList<T> = await this.fetchList<T>(path, query, cursor, opts);
      all.push(...list.results);
      cursor = list.nextCursor;
      if (!cursor) break;
    }
    return all;
  }
}
