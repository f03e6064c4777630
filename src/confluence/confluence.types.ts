/**
 * The Confluence domain as the tools see it: one normalised shape whichever
 * deployment (Cloud v1/v2 or Data Center v1) answered.
 */

export type ConfluenceDeployment = 'cloud' | 'datacenter';

/** Credentials for one Confluence connection; never logged, never returned. */
export type ConfluenceAuth =
  | { kind: 'basic'; username: string; apiToken: string }
  | { kind: 'bearer'; token: string }
  | { kind: 'none' };

/**
 * Everything needed to talk to one Confluence: where it is and who we are there.
 * Resolved per caller, so later every API key can carry its own.
 */
export interface ConfluenceConnection {
  /** Stable id used for pooling and caching, e.g. `default` or a client id. */
  readonly id: string;
  readonly deployment: ConfluenceDeployment;
  /** Site root without trailing slash: `https://x.atlassian.net/wiki` (Cloud) or `https://wiki.example.com/confluence` (DC). */
  readonly baseUrl: string;
  readonly auth: ConfluenceAuth;
}

/** One page of a paged listing; `nextCursor` is opaque to callers. */
export interface Paged<T> {
  items: T[];
  nextCursor?: string;
}

export interface PageRequest {
  limit: number;
  cursor?: string;
}

export interface ConfluenceUser {
  accountId?: string;
  displayName: string;
}

export interface Space {
  id: string;
  key: string;
  name: string;
  type: string;
  status: string;
  url: string;
}

export interface PageSummary {
  id: string;
  title: string;
  parentId?: string;
  version: number;
  updatedAt?: string;
  url: string;
}

export interface Page {
  id: string;
  type: string;
  title: string;
  spaceKey: string;
  status: string;
  version: number;
  author?: ConfluenceUser;
  createdAt?: string;
  updatedAt?: string;
  url: string;
  ancestors: { id: string; title: string }[];
  labels: string[];
  /** Storage-format XHTML of the body. */
  storage: string;
}

export interface Comment {
  id: string;
  author?: ConfluenceUser;
  createdAt?: string;
  /** Storage-format XHTML of the comment body. */
  storage: string;
  parentId?: string;
  inline: boolean;
  url: string;
}

export interface Attachment {
  id: string;
  title: string;
  mediaType: string;
  fileSize: number;
  version: number;
  createdAt?: string;
  downloadUrl: string;
}

export interface Label {
  name: string;
  prefix: string;
}

export interface SearchHit {
  id: string;
  type: string;
  title: string;
  spaceKey?: string;
  url: string;
  /** Plain text, highlight markup removed. */
  excerpt: string;
  lastModified?: string;
}

export interface SearchRequest extends PageRequest {
  cql: string;
}

export interface ListSpacesRequest extends PageRequest {
  keys?: string[];
  type?: 'global' | 'personal';
  status?: 'current' | 'archived';
}

export interface ListPagesRequest extends PageRequest {
  spaceKey: string;
  title?: string;
}

export interface ListCommentsRequest extends PageRequest {
  pageId: string;
  includeInline: boolean;
}

export interface ListAttachmentsRequest extends PageRequest {
  pageId: string;
  filename?: string;
  mediaType?: string;
}

/** Options every call accepts: cancellation from the MCP request, and an optional retry limit. */
export interface CallOptions {
  signal?: AbortSignal;
  /** Retries for this call only (0 = a single attempt), so a readiness probe cannot stall on retries. */
  retries?: number;
}

/**
 * The read operations the tools need, implemented once per deployment
 * (Cloud: v2 where it is better, v1 for CQL and single-page reads; Data Center: v1).
 */
export interface ConfluenceApi {
  search(req: SearchRequest, opts?: CallOptions): Promise<Paged<SearchHit>>;
  getPage(pageId: string, opts?: CallOptions): Promise<Page>;
  findPageByTitle(spaceKey: string, title: string, opts?: CallOptions): Promise<Page>;
  listSpaces(req: ListSpacesRequest, opts?: CallOptions): Promise<Paged<Space>>;
  listPages(req: ListPagesRequest, opts?: CallOptions): Promise<Paged<PageSummary>>;
  listChildren(pageId: string, req: PageRequest, opts?: CallOptions): Promise<Paged<PageSummary>>;
  listComments(req: ListCommentsRequest, opts?: CallOptions): Promise<Paged<Comment>>;
  listAttachments(req: ListAttachmentsRequest, opts?: CallOptions): Promise<Paged<Attachment>>;
  listLabels(pageId: string, opts?: CallOptions): Promise<Label[]>;
  /** Cheap authenticated call used by the readiness probe. */
  currentUser(opts?: CallOptions): Promise<ConfluenceUser>;
}
