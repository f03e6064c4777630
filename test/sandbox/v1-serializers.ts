import { Expansion } from './expand';
import { RouteContext } from './route-context';
import { SandboxAttachment, SandboxComment, SandboxLabel, SandboxPage, SandboxSpace, SandboxUser, SandboxVersion } from './sandbox-model';
import { downloadPath, pageWebui, selfLink, spaceWebui, tinyui } from './v1-links';

type Json = Record<string, unknown>;

/** Turns sandbox objects into Confluence REST v1 JSON (Cloud or Data Center flavour, per the request's layout). */
export class V1Serializer {
  constructor(private readonly ctx: RouteContext) {}

  user(user: SandboxUser): Json {
    const identity = this.ctx.layout === 'cloud'
      ? { accountId: user.accountId, accountType: 'atlassian', email: user.email, publicName: user.displayName }
      : { username: user.username, userKey: user.userKey };
    const self = this.ctx.layout === 'cloud' ? `/user?accountId=${user.accountId}` : `/user?key=${user.userKey}`;
    return {
      type: 'known',
      ...identity,
      displayName: user.displayName,
      profilePicture: this.profilePicture(user),
      isExternalCollaborator: false,
      _expandable: { operations: '', personalSpace: '' },
      _links: { self: selfLink(this.ctx, self) },
    };
  }

  label(label: SandboxLabel): Json {
    return { prefix: label.prefix, name: label.name, id: label.id, label: label.name };
  }

  space(space: SandboxSpace, expand = new Expansion([])): Json {
    const json: Json = {
      id: Number(space.id), key: space.key, name: space.name, type: space.type, status: space.status,
      _expandable: { settings: '', metadata: '', operations: '', lookAndFeel: '', permissions: '', icon: '', description: '', theme: '', history: '', homepage: `/rest/api/content/${space.homepageId}` },
      _links: { webui: spaceWebui(this.ctx, space), self: selfLink(this.ctx, `/space/${encodeURIComponent(space.key)}`) },
    };
    if (expand.has('description')) json.description = { plain: { value: space.description, representation: 'plain', embeddedContent: [] } };
    if (expand.has('homepage')) json.homepage = this.pageRef(space.homepageId);
    return json;
  }

  version(version: SandboxVersion): Json {
    return {
      by: this.user(this.ctx.store.getUser(version.authorId)), when: version.when, friendlyWhen: version.when.slice(0, 10),
      message: version.message, number: version.number, minorEdit: version.minorEdit, contentTypeModified: false,
    };
  }

  page(page: SandboxPage, expand: Expansion): Json {
    const json = this.contentBase(page.id, 'page', page.title, page.spaceKey, pageWebui(this.ctx, page), page.status);
    this.addCommon(json, page.spaceKey, page.version, page.authorId, page.createdAt, expand);
    const space = this.ctx.store.getSpace(page.spaceKey);
    if (space && expand.has('container')) json.container = this.space(space);
    if (expand.has('body')) json.body = this.body(page.body, expand);
    if (expand.has('ancestors')) json.ancestors = this.ctx.store.ancestors(page).map((a) => this.pageSummary(a));
    if (expand.has('metadata')) json.metadata = { labels: this.labelArray(page.labels), currentuser: {}, properties: {}, frontend: {} };
    if (expand.has('children')) json.children = { page: { results: this.ctx.store.childPages(page.id).map((c) => this.pageSummary(c)), start: 0, limit: 25, size: this.ctx.store.childPages(page.id).length, _links: {} }, _links: {} };
    return json;
  }

  comment(comment: SandboxComment, expand: Expansion): Json {
    const page = this.requirePage(comment.pageId);
    const webui = `${pageWebui(this.ctx, page)}${this.ctx.layout === 'dc' ? '&' : '?'}focusedCommentId=${comment.id}`;
    const json = this.contentBase(comment.id, 'comment', `Re: ${page.title}`, page.spaceKey, webui);
    this.addCommon(json, page.spaceKey, comment.version, comment.authorId, comment.createdAt, expand);
    json.extensions = this.commentExtensions(comment, expand);
    json.container = this.pageSummary(page);
    if (expand.has('body')) json.body = this.body(comment.body, expand);
    if (expand.has('ancestors')) json.ancestors = this.commentAncestors(comment);
    return json;
  }

  attachment(attachment: SandboxAttachment, expand: Expansion): Json {
    const page = this.requirePage(attachment.pageId);
    const webui = `${pageWebui(this.ctx, page)}${this.ctx.layout === 'dc' ? '&' : '?'}preview=/${page.id}/${attachment.id}/${encodeURIComponent(attachment.title)}`;
    const json = this.contentBase(attachment.id, 'attachment', attachment.title, page.spaceKey, webui);
    this.addCommon(json, page.spaceKey, attachment.version, attachment.version.authorId, attachment.createdAt, expand);
    json.metadata = { mediaType: attachment.mediaType, comment: attachment.comment, labels: this.labelArray([]) };
    json.extensions = { mediaType: attachment.mediaType, fileSize: attachment.bytes.length, comment: attachment.comment, mediaTypeDescription: attachment.mediaTypeDescription, fileId: attachment.fileId };
    json.container = this.pageSummary(page);
    (json._links as Json).download = downloadPath(page.id, attachment.title, attachment.version.number);
    return json;
  }

  labelArray(labels: SandboxLabel[]): Json {
    return { results: labels.map((l) => this.label(l)), start: 0, limit: 200, size: labels.length, _links: {} };
  }

  pageSummary(page: SandboxPage): Json {
    return this.contentBase(page.id, 'page', page.title, page.spaceKey, pageWebui(this.ctx, page), page.status);
  }

  private pageRef(id: string): Json {
    const page = this.ctx.store.getPage(id);
    return page ? this.pageSummary(page) : { id, type: 'page', status: 'current' };
  }

  private requirePage(id: string): SandboxPage {
    const page = this.ctx.store.getPage(id);
    if (!page) throw new Error(`Seed inconsistency: page ${id} missing`);
    return page;
  }

  private contentBase(id: string, type: string, title: string, spaceKey: string, webui: string, status = 'current'): Json {
    return {
      id, type, status, title,
      macroRenderedOutput: {},
      extensions: {},
      _expandable: { container: '', metadata: '', operations: '', children: `/rest/api/content/${id}/child`, history: `/rest/api/content/${id}/history`, ancestors: '', body: '', version: '', descendants: `/rest/api/content/${id}/descendant`, space: `/rest/api/space/${spaceKey}` },
      _links: { webui, self: selfLink(this.ctx, `/content/${id}`), tinyui: tinyui(id.replace(/\D/g, '') || '0') },
    };
  }

  private addCommon(json: Json, spaceKey: string, version: SandboxVersion, authorId: string, createdAt: string, expand: Expansion): void {
    const space = this.ctx.store.getSpace(spaceKey);
    if (space && expand.has('space')) json.space = this.space(space, expand.below('space'));
    if (expand.has('version')) json.version = this.version(version);
    if (expand.has('history')) json.history = { latest: true, createdBy: this.user(this.ctx.store.getUser(authorId)), createdDate: createdAt };
  }

  private body(storage: string, expand: Expansion): Json {
    const body: Json = { storage: { value: storage, representation: 'storage', embeddedContent: [], _expandable: { content: '' } } };
    if (expand.has('body.view')) body.view = { value: storage, representation: 'view', _expandable: { content: '' } };
    return body;
  }

  private commentExtensions(comment: SandboxComment, expand: Expansion): Json {
    const extensions: Json = { location: comment.location };
    if (comment.inline && expand.has('extensions.inlineProperties')) {
      extensions.inlineProperties = { originalSelection: comment.inline.originalSelection, markerRef: comment.inline.markerRef };
    }
    if (comment.location === 'inline') extensions.resolution = { status: 'open', lastModifier: this.user(this.ctx.store.getUser(comment.authorId)), lastModifiedDate: comment.createdAt };
    return extensions;
  }

  private commentAncestors(comment: SandboxComment): Json[] {
    const parent = comment.parentCommentId ? this.ctx.store.getComment(comment.parentCommentId) : undefined;
    return parent ? [this.comment(parent, new Expansion([]))] : [];
  }

  private profilePicture(user: SandboxUser): Json {
    const path = this.ctx.layout === 'cloud' ? `/wiki/aa-avatar/${user.accountId}` : `${this.ctx.contextPath}/images/icons/profilepics/default.svg`;
    return { path, width: 48, height: 48, isDefault: this.ctx.layout === 'dc' };
  }
}
