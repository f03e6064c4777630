import { ConfluenceNotFoundError } from '../confluence.errors';
import type { ConfluenceHttpClient } from '../confluence-http.client';
import type {
  AddCommentRequest,
  AttachmentDetails,
  CallOptions,
  CommentDetails,
  ConfluenceApi,
  ConfluenceConnection,
  CreatePageRequest,
  DownloadedAttachment,
  Label,
  MovePageRequest,
  Page,
  PageRequest,
  PageVersion,
  Paged,
  UpdatePageRequest,
  UploadAttachmentRequest,
  WrittenPage,
} from '../confluence.types';
import { OwnAccount } from './own-account';
import { pathId } from './paging';
import { DownloadTarget, V1Attachments } from './v1-attachments';
import { V1Comments } from './v1-comments';
import { V1Labels } from './v1-labels';
import { v1Page } from './v1-mappers';
import { V1PageCreator } from './v1-page-creator';
import { V1PageTree } from './v1-page-tree';
import { V1PageWriter } from './v1-page-writer';
import { V1_PAGE_EXPAND, V1ConfluenceApi } from './v1-reads';
import { V1TitleLookup } from './v1-title-lookup';
import { v1PageVersion } from './v1-write-mappers';
import type { V1Content, V1Version } from './v1.types';

/**
 * The writes and history reads both deployments serve from REST v1 (`/rest/api/content…`, which Cloud v1
 * still documents), each area in its own helper. Subclasses say where the version list lives.
 */
export abstract class V1ReadWriteApi extends V1ConfluenceApi implements ConfluenceApi {
  private readonly pageCreator: V1PageCreator;
  private readonly pageWriter: V1PageWriter;
  private readonly pageTree: V1PageTree;
  private readonly comments: V1Comments;
  private readonly labels: V1Labels;
  private readonly attachments: V1Attachments;

  constructor(http: ConfluenceHttpClient, connection: ConfluenceConnection) {
    super(http, connection);
    const client = this.client;
    const account = new OwnAccount((opts) => this.currentUser(opts));
    const titles = new V1TitleLookup(client, this);
    this.pageCreator = new V1PageCreator(client, titles, account);
    this.pageWriter = new V1PageWriter(client, this, titles, account);
    this.pageTree = new V1PageTree(client, this, this.pageWriter);
    this.comments = new V1Comments(client, this, account);
    this.labels = new V1Labels(client, this);
    this.attachments = new V1Attachments(client, (attachment) => this.downloadTarget(attachment));
  }

  /** The version listing of a page: `/rest/api/content/{id}/version` on Cloud, the experimental resource on Data Center. */
  protected abstract versionsPath(pageId: string): string;

  /** Where an attachment's bytes are served: `_links.download` on Data Center, the REST download endpoint on Cloud. */
  protected abstract downloadTarget(attachment: AttachmentDetails): DownloadTarget;

  createPage(req: CreatePageRequest, opts?: CallOptions): Promise<WrittenPage> {
    return this.pageCreator.createPage(req, opts);
  }

  updatePage(req: UpdatePageRequest, opts?: CallOptions): Promise<WrittenPage> {
    return this.pageWriter.updatePage(req, opts);
  }

  trashPage(pageId: string, opts?: CallOptions): Promise<void> {
    return this.pageTree.trashPage(pageId, opts);
  }

  countDescendants(pageId: string, opts?: CallOptions): Promise<number> {
    return this.pageTree.countDescendants(pageId, opts);
  }

  movePage(req: MovePageRequest, opts?: CallOptions): Promise<WrittenPage> {
    return this.pageTree.movePage(req, opts);
  }

  addComment(req: AddCommentRequest, opts?: CallOptions): Promise<CommentDetails> {
    return this.comments.addComment(req, opts);
  }

  getComment(commentId: string, opts?: CallOptions): Promise<CommentDetails> {
    return this.comments.getComment(commentId, opts);
  }

  addLabels(pageId: string, labels: string[], opts?: CallOptions): Promise<Label[]> {
    return this.labels.addLabels(pageId, labels, opts);
  }

  removeLabel(pageId: string, label: string, opts?: CallOptions): Promise<void> {
    return this.labels.removeLabel(pageId, label, opts);
  }

  uploadAttachment(req: UploadAttachmentRequest, opts?: CallOptions): Promise<AttachmentDetails> {
    return this.attachments.uploadAttachment(req, opts);
  }

  getAttachment(attachmentId: string, opts?: CallOptions): Promise<AttachmentDetails> {
    return this.attachments.getAttachment(attachmentId, opts);
  }

  downloadAttachment(attachmentId: string, maxBytes: number, opts?: CallOptions): Promise<DownloadedAttachment> {
    return this.attachments.downloadAttachment(attachmentId, maxBytes, opts);
  }

  /** Newest first, as Confluence lists them. */
  async listPageVersions(pageId: string, req: PageRequest, opts?: CallOptions): Promise<Paged<PageVersion>> {
    const page = await this.fetchList<V1Version>(this.versionsPath(pathId(pageId, 'page id')), { limit: req.limit }, req.cursor, opts);
    return { items: page.results.map(v1PageVersion), nextCursor: page.nextCursor };
  }

  /** A version Confluence answers with another number (it falls back to the current one on some deployments) is reported as missing. */
  async getPageVersion(pageId: string, version: number, opts?: CallOptions): Promise<Page> {
    const path = `/rest/api/content/${pathId(pageId, 'page id')}`;
    const content = await this.get<V1Content>(path, { status: 'historical', version, expand: V1_PAGE_EXPAND }, opts);
    if (content.version?.number !== version) throw new ConfluenceNotFoundError(`Page ${pageId} has no version ${version}.`, 404);
    return v1Page(content, content._links?.base ?? this.connection.baseUrl);
  }
}
