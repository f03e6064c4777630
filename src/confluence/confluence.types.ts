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
  /** The account id (Cloud) or user key (Data Center). */
  accountId?: string;
  /** Data Center's login name; Cloud no longer sends one. Used only to recognise our own writes. */
  username?: string;
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
  /** Who made the current version (`author` is who created the page). */
  updatedBy?: ConfluenceUser;
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

export interface CreatePageRequest {
  spaceKey: string;
  title: string;
  /** Storage-format XHTML of the new body. */
  storage: string;
  parentId?: string;
  /** Global labels set in the same request, so a page never exists without the labels it was created with. */
  labels?: string[];
}

/** The outcome of a write; `recovered` is true when the response was lost and the result was confirmed by reading back. */
export interface WrittenPage {
  id: string;
  title: string;
  spaceKey: string;
  version: number;
  url: string;
  recovered?: boolean;
}

export interface UpdatePageRequest {
  pageId: string;
  /** The version the caller read; Confluence refuses the write (409) when the page has moved on. */
  baseVersion: number;
  title: string;
  storage: string;
  /** Moves the page under this parent in the same write. */
  parentId?: string;
  minorEdit?: boolean;
  message?: string;
}

/** Where a moved page goes relative to its target: last child, or a sibling before or after it. */
export const MOVE_POSITIONS = ['append', 'before', 'after'] as const;
export type MovePosition = (typeof MOVE_POSITIONS)[number];

export interface MovePageRequest {
  pageId: string;
  /** `append`: becomes the last child of `targetId`; `before`/`after`: a sibling of `targetId`. */
  position: MovePosition;
  /** A page id; for a move to the top of another space use `targetSpaceKey` instead. */
  targetId?: string;
  targetSpaceKey?: string;
}

export interface AddCommentRequest {
  pageId: string;
  storage: string;
  parentCommentId?: string;
}

export interface UploadAttachmentRequest {
  pageId: string;
  filename: string;
  content: Buffer;
  mediaType: string;
  comment?: string;
}

/** One attachment with where it lives, so policy can check its space before anything is read. */
export interface AttachmentDetails extends Attachment {
  pageId?: string;
  spaceKey?: string;
  /** Set by an upload whose response was lost and whose result was confirmed by reading the attachment back. */
  recovered?: boolean;
}

export interface DownloadedAttachment {
  attachment: AttachmentDetails;
  content: Buffer;
}

/** One historical version of a page. */
export interface PageVersion {
  number: number;
  author?: ConfluenceUser;
  createdAt?: string;
  message?: string;
  minorEdit: boolean;
}

/** A comment's container, so a reply or read by comment id can be checked against space policy. */
export interface CommentDetails extends Comment {
  pageId?: string;
  spaceKey?: string;
  /** Set when the answer was lost and the comment was found by reading the page's comments back. */
  recovered?: boolean;
}

/**
 * The operations the tools need, implemented once per deployment
 * (Cloud: v2 where it is better, v1 for CQL, single-page reads and writes; Data Center: v1).
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

  /** Creates a page; a lost response is resolved by looking the page up, never by blindly re-sending. */
  createPage(req: CreatePageRequest, opts?: CallOptions): Promise<WrittenPage>;
  /** Writes version `baseVersion + 1`; a page that moved on is a ConfluenceConflictError with the current version, author and time. */
  updatePage(req: UpdatePageRequest, opts?: CallOptions): Promise<WrittenPage>;
  /** Moves the page to the trash (never purges). */
  trashPage(pageId: string, opts?: CallOptions): Promise<void>;
  /** How many pages sit below this one, for a delete's dry run. */
  countDescendants(pageId: string, opts?: CallOptions): Promise<number>;
  movePage(req: MovePageRequest, opts?: CallOptions): Promise<WrittenPage>;
  addComment(req: AddCommentRequest, opts?: CallOptions): Promise<CommentDetails>;
  getComment(commentId: string, opts?: CallOptions): Promise<CommentDetails>;
  addLabels(pageId: string, labels: string[], opts?: CallOptions): Promise<Label[]>;
  removeLabel(pageId: string, label: string, opts?: CallOptions): Promise<void>;
  /** Uploads a file; an existing file name becomes a new version of that attachment. */
  uploadAttachment(req: UploadAttachmentRequest, opts?: CallOptions): Promise<AttachmentDetails>;
  getAttachment(attachmentId: string, opts?: CallOptions): Promise<AttachmentDetails>;
  /** Streams the content, refusing (before buffering past it) anything larger than `maxBytes`. */
  downloadAttachment(attachmentId: string, maxBytes: number, opts?: CallOptions): Promise<DownloadedAttachment>;
  listPageVersions(pageId: string, req: PageRequest, opts?: CallOptions): Promise<Paged<PageVersion>>;
  /** The page as it was at `version` (storage body included). */
  getPageVersion(pageId: string, version: number, opts?: CallOptions): Promise<Page>;
}
