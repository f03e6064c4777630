import { ConfluenceNotFoundError } from '../confluence.errors';
import type {
  Attachment,
  AttachmentDetails,
  CallOptions,
  Label,
  ListAttachmentsRequest,
  ListPagesRequest,
  ListSpacesRequest,
  PageRequest,
  PageSummary,
  Paged,
  Space,
} from '../confluence.types';
import { pathId } from './paging';
import { noSuchSpace, spaceKeyPath } from './space-keys';
import { v1Attachment, v1Label, v1PageSummary, v1Space } from './v1-mappers';
import type { DownloadTarget } from './v1-attachments';
import { V1ReadWriteApi } from './v1-writes';
import type { V1Content, V1Label, V1Space } from './v1.types';

const LABELS_PER_REQUEST = 200;

/** Confluence Data Center (and Server): REST v1 under `/rest/api` for everything. */
export class DataCenterApi extends V1ReadWriteApi {
  /** Data Center's public v1 API has no version list (`/history` gives only neighbours); its experimental resource does. */
  protected versionsPath(pageId: string): string {
    return `/rest/experimental/content/${pageId}/version`;
  }

  /** The `_links.download` web path serves bytes to token and basic auth alike; no redirect is expected. */
  protected downloadTarget(attachment: AttachmentDetails): DownloadTarget {
    return { link: attachment.downloadUrl };
  }

  async listSpaces(req: ListSpacesRequest, opts?: CallOptions): Promise<Paged<Space>> {
    const query = { spaceKey: req.keys, type: req.type, status: req.status, limit: req.limit };
    const page = await this.fetchList<V1Space>('/rest/api/space', query, req.cursor, opts, ['spaceKey', 'type', 'status']);
    return { items: page.results.map((space) => v1Space(space, page.base)), nextCursor: page.nextCursor };
  }

  async listPages(req: ListPagesRequest, opts?: CallOptions): Promise<Paged<PageSummary>> {
    const query = { type: 'page', spaceKey: req.spaceKey, title: req.title, limit: req.limit, expand: 'version,ancestors' };
    const page = await this.fetchList<V1Content>('/rest/api/content', query, req.cursor, opts, ['type', 'spaceKey', 'title']);
    if (page.results.length === 0 && req.cursor === undefined) await this.requireSpace(req.spaceKey, opts);
    return { items: page.results.map((content) => v1PageSummary(content, page.base)), nextCursor: page.nextCursor };
  }

  async listChildren(pageId: string, req: PageRequest, opts?: CallOptions): Promise<Paged<PageSummary>> {
    const path = `/rest/api/content/${pathId(pageId, 'page id')}/child/page`;
    const page = await this.fetchList<V1Content>(path, { limit: req.limit, expand: 'version' }, req.cursor, opts);
    const items = page.results.map((content) => v1PageSummary(content, page.base, pageId));
    return { items, nextCursor: page.nextCursor };
  }

  async listAttachments(req: ListAttachmentsRequest, opts?: CallOptions): Promise<Paged<Attachment>> {
    const path = `/rest/api/content/${pathId(req.pageId, 'page id')}/child/attachment`;
    const query = { filename: req.filename, mediaType: req.mediaType, limit: req.limit, expand: 'version' };
    const page = await this.fetchList<V1Content>(path, query, req.cursor, opts, ['filename', 'mediaType']);
    return { items: page.results.map((content) => v1Attachment(content, page.base)), nextCursor: page.nextCursor };
  }

  async listLabels(pageId: string, opts?: CallOptions): Promise<Label[]> {
    const path = `/rest/api/content/${pathId(pageId, 'page id')}/label`;
    const labels = await this.fetchAll<V1Label>(path, { limit: LABELS_PER_REQUEST }, opts);
    return labels.map(v1Label);
  }

  /** v1 lists an unknown space as empty; Cloud reports it as not found, and so does this, by asking for the space. */
  private async requireSpace(spaceKey: string, opts?: CallOptions): Promise<void> {
    try {
      await this.get<V1Space>(`/rest/api/space/${spaceKeyPath(spaceKey)}`, {}, opts);
    } catch (error) {
      throw error instanceof ConfluenceNotFoundError ? noSuchSpace(spaceKey) : error;
    }
  }
}
