import { randomUUID } from 'node:crypto';
import { badRequest, badRequestException, notFound } from './errors';
import { Expansion } from './expand';
import { textResult } from './http-response';
import { newVersion, requireCurrentPage } from './page-rules';
import { multipartBody } from './request-body';
import { RouteContext, RouteResult } from './route-context';
import { SandboxAttachment } from './sandbox-model';
import { listLinks, withSiteLinks } from './v1-links';
import { V1Serializer } from './v1-serializers';

/** `X-Atlassian-Token: no-check` (or the deprecated `nocheck`) is what lets a multipart request past Confluence's XSRF filter. */
const XSRF_TOKENS = ['no-check', 'nocheck'];
const ANSWER_EXPAND = new Expansion(['version', 'container', 'space']);

/** `POST /content/{id}/child/attachment`: new files only; a name the page already has is a 400, as Cloud documents. */
export async function createAttachments(ctx: RouteContext): Promise<RouteResult> {
  const refused = xsrfRefusal(ctx);
  if (refused) return refused;
  const page = requireCurrentPage(ctx.store, ctx.params.id);
  const { files, comment } = await uploadParts(ctx);
  for (const file of files) {
    if (ctx.store.findAttachment(page.id, file.name)) {
      throw badRequestException(`Cannot add a new attachment with same file name as an existing attachment: ${file.name}`);
    }
  }
  const created: SandboxAttachment[] = [];
  for (const file of files) {
    const version = newVersion(ctx.store, 1);
    const attachment: SandboxAttachment = {
      id: `att${ctx.store.newId()}`, pageId: page.id, fileId: randomUUID(), title: file.name, mediaType: mediaTypeOf(file),
      mediaTypeDescription: 'File', comment, bytes: Buffer.from(await file.arrayBuffer()), createdAt: version.when, version,
    };
    ctx.store.addAttachment(attachment);
    created.push(attachment);
  }
  const serializer = new V1Serializer(ctx);
  const results = created.map((a) => serializer.attachment(a, ANSWER_EXPAND));
  return { body: { results, start: 0, limit: results.length, size: results.length, _links: listLinks(ctx, null) } };
}

/** `POST /content/{id}/child/attachment/{attachmentId}/data`: the file's bytes become its next version; old versions stay downloadable. */
export async function updateAttachmentData(ctx: RouteContext): Promise<RouteResult> {
  const refused = xsrfRefusal(ctx);
  if (refused) return refused;
  const page = requireCurrentPage(ctx.store, ctx.params.id);
  const attachment = ctx.store.getAttachment(ctx.params.attachmentId);
  if (!attachment || attachment.pageId !== page.id) throw notFound(`No attachment ${ctx.params.attachmentId} on content ${page.id}`);
  const { files, comment } = await uploadParts(ctx);
  if (files.length !== 1) throw badRequest('Exactly one file is expected when updating attachment data');
  ctx.store.history.keepAttachment(attachment);
  Object.assign(attachment, {
    bytes: Buffer.from(await files[0].arrayBuffer()),
    mediaType: mediaTypeOf(files[0]),
    comment: comment || attachment.comment,
    version: newVersion(ctx.store, attachment.version.number + 1),
  });
  return { body: withSiteLinks(ctx, new V1Serializer(ctx).attachment(attachment, ANSWER_EXPAND)) };
}

/** The XSRF filter answers before the resource runs: plain text, 403. */
function xsrfRefusal(ctx: RouteContext): RouteResult | undefined {
  const token = ctx.headers['x-atlassian-token'];
  return typeof token === 'string' && XSRF_TOKENS.includes(token.toLowerCase()) ? undefined : textResult(403, 'XSRF check failed');
}

async function uploadParts(ctx: RouteContext): Promise<{ files: File[]; comment: string }> {
  const form = await multipartBody(ctx);
  const files = form.getAll('file').filter((part): part is File => typeof part !== 'string');
  if (files.length === 0) throw badRequest('At least one file is required in the "file" part');
  const comment = form.get('comment');
  return { files, comment: typeof comment === 'string' ? comment : '' };
}

function mediaTypeOf(file: File): string {
  return file.type ? file.type.split(';')[0] : 'application/octet-stream';
}
