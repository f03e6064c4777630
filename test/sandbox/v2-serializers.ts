import { RouteContext } from './route-context';
import { SandboxAttachment, SandboxComment, SandboxLabel, SandboxPage, SandboxSpace, SandboxVersion } from './sandbox-model';
import { downloadPath, pageWebui, spaceWebui, tinyui } from './v1-links';

type Json = Record<string, unknown>;

/** Turns sandbox objects into Confluence Cloud REST v2 JSON. */
export class V2Serializer {
  constructor(private readonly ctx: RouteContext) {}

  space(space: SandboxSpace): Json {
    return {
      id: space.id, key: space.key, name: space.name, type: space.type, status: space.status,
      authorId: space.authorId, createdAt: space.createdAt, homepageId: space.homepageId,
      _links: { webui: spaceWebui(this.ctx, space) },
    };
  }

  version(version: SandboxVersion): Json {
    return { createdAt: version.when, message: version.message, number: version.number, minorEdit: version.minorEdit, authorId: version.authorId };
  }

  page(page: SandboxPage, bodyFormat: string | undefined): Json {
    const parent = page.parentId ? this.ctx.store.getPage(page.parentId) : undefined;
    return {
      id: page.id, status: page.status, title: page.title, spaceId: this.spaceId(page.spaceKey),
      parentId: parent?.id ?? null, parentType: parent ? 'page' : null, position: page.position,
      authorId: page.authorId, ownerId: page.authorId, lastOwnerId: null, createdAt: page.createdAt,
      version: this.version(page.version),
      body: this.body(page.body, bodyFormat),
      _links: { webui: pageWebui(this.ctx, page), editui: `/pages/resumedraft.action?draftId=${page.id}`, tinyui: tinyui(page.id) },
    };
  }

  childPage(page: SandboxPage): Json {
    return { id: page.id, status: page.status, title: page.title, spaceId: this.spaceId(page.spaceKey), childPosition: page.position };
  }

  label(label: SandboxLabel): Json {
    return { id: label.id, name: label.name, prefix: label.prefix };
  }

  attachment(attachment: SandboxAttachment): Json {
    const page = this.ctx.store.getPage(attachment.pageId);
    const webui = `${page ? pageWebui(this.ctx, page) : ''}?preview=/${attachment.pageId}/${attachment.id}/${encodeURIComponent(attachment.title)}`;
    const download = downloadPath(attachment.pageId, attachment.title, attachment.version.number);
    return {
      id: attachment.id, status: 'current', title: attachment.title, createdAt: attachment.createdAt, pageId: attachment.pageId,
      mediaType: attachment.mediaType, mediaTypeDescription: attachment.mediaTypeDescription, comment: attachment.comment,
      fileId: attachment.fileId, fileSize: attachment.bytes.length, webuiLink: webui, downloadLink: download,
      version: this.version(attachment.version),
      _links: { webui, download },
    };
  }

  comment(comment: SandboxComment, bodyFormat: string | undefined): Json {
    const page = this.ctx.store.getPage(comment.pageId);
    const json: Json = {
      id: comment.id, status: 'current', title: `Re: ${page?.title ?? ''}`, pageId: comment.pageId,
      version: this.version(comment.version), body: this.body(comment.body, bodyFormat),
      _links: { webui: `${page ? pageWebui(this.ctx, page) : ''}?focusedCommentId=${comment.id}` },
    };
    if (comment.parentCommentId) json.parentCommentId = comment.parentCommentId;
    if (comment.inline) {
      json.resolutionStatus = 'open';
      json.properties = { inlineMarkerRef: comment.inline.markerRef, inlineOriginalSelection: comment.inline.originalSelection };
    }
    return json;
  }

  private spaceId(key: string): string {
    return this.ctx.store.getSpace(key)?.id ?? '';
  }

  private body(storage: string, bodyFormat: string | undefined): Json {
    return bodyFormat === 'storage' ? { storage: { representation: 'storage', value: storage } } : {};
  }
}
