import { SandboxHttpError, notFound } from './errors';
import { firstParam, RouteContext, RouteResult, siteBase } from './route-context';
import { RouteDefinition } from './route-definition';
import { SandboxAttachment, SandboxAttachmentVersion } from './sandbox-model';

/**
 * `_links.download` on Data Center: the bytes of the version the link names (`?version=N`), else the latest.
 * Cloud no longer serves this web path to API tokens (Atlassian CHANGE-2735): it answers 401 with an OAuth
 * challenge, and REST clients use `/rest/api/content/{id}/child/attachment/{attachmentId}/download` instead.
 */
function download(ctx: RouteContext): RouteResult {
  if (ctx.layout === 'cloud') {
    throw new SandboxHttpError(401, 'API tokens cannot download from /download/attachments/; use the REST download endpoint.', {
      'WWW-Authenticate': `OAuth realm="${siteBase(ctx)}"`,
    });
  }
  const attachment = ctx.store.findAttachment(ctx.params.pageId, ctx.params.filename);
  if (!attachment) throw notFound(`No attachment ${ctx.params.filename} on content ${ctx.params.pageId}`);
  return bytesOf(attachment, versionOf(attachment, firstParam(ctx.query, 'version'), ctx));
}

/**
 * Cloud's `GET /rest/api/content/{id}/child/attachment/{attachmentId}/download`: a 302 to a signed URL
 * on the media host (here the sandbox's stand-in for api.media.atlassian.com, see `mediaFile`).
 */
export function restDownload(ctx: RouteContext): RouteResult {
  const attachment = ctx.store.getAttachment(ctx.params.attachmentId);
  if (!attachment || attachment.pageId !== ctx.params.id) throw notFound(`No attachment ${ctx.params.attachmentId} on content ${ctx.params.id}`);
  const version = versionOf(attachment, firstParam(ctx.query, 'version'), ctx);
  const token = ctx.store.issueMediaToken(attachment.id, version.version.number);
  const location = `${ctx.origin}/wiki/media/file/${attachment.fileId}/binary?token=${token}&name=${encodeURIComponent(attachment.title)}`;
  return { status: 302, body: Buffer.alloc(0), headers: { Location: location } };
}

/**
 * The media host: bytes for a valid signed token only. It refuses a request that carries an Authorization
 * header, so a client that forwards Confluence credentials across the redirect is caught.
 */
function mediaFile(ctx: RouteContext): RouteResult {
  if (ctx.headers.authorization) throw new SandboxHttpError(400, 'The media host takes the signed token only; Confluence credentials were forwarded.');
  const grant = ctx.store.redeemMediaToken(firstParam(ctx.query, 'token') ?? '');
  const attachment = grant ? ctx.store.getAttachment(grant.attachmentId) : undefined;
  if (!grant || !attachment || attachment.fileId !== ctx.params.fileId) throw new SandboxHttpError(401, 'Invalid or expired media token');
  return bytesOf(attachment, versionOf(attachment, String(grant.version), ctx));
}

function versionOf(attachment: SandboxAttachment, versionParam: string | undefined, ctx: RouteContext): SandboxAttachmentVersion {
  const number = versionParam ? Number(versionParam) : attachment.version.number;
  const version = ctx.store.history.attachmentAt(attachment, number);
  if (!version) throw new SandboxHttpError(400, `Version ${versionParam} of attachment ${attachment.id} does not exist`);
  return version;
}

function bytesOf(attachment: SandboxAttachment, version: SandboxAttachmentVersion): RouteResult {
  return {
    body: version.bytes,
    headers: {
      'Content-Type': version.mediaType,
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(attachment.title)}`,
    },
  };
}

/** Attachment bytes outside the REST specs: the download web path, and (Cloud) the media host's signed URLs. */
export const DOWNLOAD_ROUTES: RouteDefinition[] = [
  { method: 'GET', template: '/download/attachments/{pageId}/{filename}', specPath: null, handler: download },
  { method: 'GET', template: '/media/file/{fileId}/binary', specPath: null, handler: mediaFile, layouts: ['cloud'], public: true },
];
