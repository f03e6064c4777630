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
import { noSuchSpace } from './space-keys';
import { v2Attachment, v2Label, v2PageSummary, v2Space } from './v2-mappers';
import type { DownloadTarget } from './v1-attachments';
import { V1ReadWriteApi } from './v1-writes';
import type { V2Attachment, V2Label, V2Page, V2Space } from './v2.types';

const LABELS_PER_REQUEST = 250;
/** Where Cloud's download endpoint sends clients for the bytes. */
const CLOUD_MEDIA_HOSTS = ['api.media.atlassian.com'];
const MAX_CACHED_SPACE_IDS = 500;

/**
 * Confluence Cloud: REST v2 under `/api/v2` for listings (cursor paging, lighter payloads);
 * REST v1 (inherited) for CQL search, full page reads, comment threads and every write, which v2 lacks or splits.
 */
export class CloudApi extends V1ReadWriteApi {
  private readonly spaceIds = new Map<string, string>();

  /** v1 rather than v2's `/pages/{id}/versions`, because v1 names the author of each version. */
  protected versionsPath(pageId: string): string {
    return `/rest/api/content/${pageId}/version`;
  }

  /**
   * Cloud refuses API tokens on the `/download/attachments/…` web path; its REST download endpoint
   * answers with a redirect to a signed URL on the media host, fetched without our credentials.
   */
  protected downloadTarget(attachment: AttachmentDetails): DownloadTarget {
    if (!attachment.pageId) return { link: attachment.downloadUrl };
    const pageId = pathId(attachment.pageId, 'page id');
    const attachmentId = pathId(attachment.id, 'attachment id');
    const link = `/rest/api/content/${pageId}/child/attachment/${attachmentId}/download?version=${attachment.version}`;
    return { link, redirectHosts: CLOUD_MEDIA_HOSTS };
  }

  async listSpaces(req: ListSpacesRequest, opts?: CallOptions): Promise<Paged<Space>> {
    const query = { keys: req.keys?.join(','), type: req.type, status: req.status, limit: req.limit };
    const page = await this.fetchList<V2Space>('/api/v2/spaces', query, req.cursor, opts, ['keys', 'type', 'status']);
    return { items: page.results.map((space) => v2Space(space, page.base)), nextCursor: page.nextCursor };
  }

  async listPages(req: ListPagesRequest, opts?: CallOptions): Promise<Paged<PageSummary>> {
    const spaceId = await this.spaceIdFor(req.spaceKey, opts);
    const query = { 'space-id': spaceId, title: req.title, limit: req.limit };
    const page = await this.fetchList<V2Page>('/api/v2/pages', query, req.cursor, opts, ['space-id', 'title']);
    return { items: page.results.map((item) => v2PageSummary(item, page.base)), nextCursor: page.nextCursor };
  }

  async listChildren(pageId: string, req: PageRequest, opts?: CallOptions): Promise<Paged<PageSummary>> {
    const path = `/api/v2/pages/${pathId(pageId, 'page id')}/children`;
    const page = await this.fetchList<V2Page>(path, { limit: req.limit }, req.cursor, opts);
    return { items: page.results.map((item) => v2PageSummary(item, page.base, pageId)), nextCursor: page.nextCursor };
  }

  async listAttachments(req: ListAttachmentsRequest, opts?: CallOptions): Promise<Paged<Attachment>> {
    const path = `/api/v2/pages/${pathId(req.pageId, 'page id')}/attachments`;
    const query = { filename: req.filename, mediaType: req.mediaType, limit: req.limit };
    const page = await this.fetchList<V2Attachment>(path, query, req.cursor, opts, ['filename', 'mediaType']);
    return { items: page.results.map((item) => v2Attachment(item, page.base)), nextCursor: page.nextCursor };
  }

  async listLabels(pageId: string, opts?: CallOptions): Promise<Label[]> {
    const path = `/api/v2/pages/${pathId(pageId, 'page id')}/labels`;
    const labels = await this.fetchAll<V2Label>(path, { limit: LABELS_PER_REQUEST }, opts);
    return labels.map(v2Label);
  }

  /** v2 filters pages by space id, not key; the mapping is stable, so it is remembered per connection. */
  private async spaceIdFor(spaceKey: string, opts?: CallOptions): Promise<string> {
    const cached = this.spaceIds.get(spaceKey);
    if (cached) return cached;
    const page = await this.fetchList<V2Space>('/api/v2/spaces', { keys: spaceKey, limit: 1 }, undefined, opts);
    const id = page.results.find((space) => space.key === spaceKey)?.id;
    if (!id) throw noSuchSpace(spaceKey);
    if (this.spaceIds.size >= MAX_CACHED_SPACE_IDS) this.spaceIds.clear();
    this.spaceIds.set(spaceKey, id);
    return id;
  }
}
