import { notFound } from './errors';
import { RouteContext, RouteResult } from './route-context';
import { RouteDefinition } from './route-definition';

function download(ctx: RouteContext): RouteResult {
  const attachment = ctx.store.findAttachment(ctx.params.pageId, ctx.params.filename);
  if (!attachment) throw notFound(`No attachment ${ctx.params.filename} on content ${ctx.params.pageId}`);
  return {
    body: attachment.bytes,
    headers: {
      'Content-Type': attachment.mediaType,
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(attachment.title)}`,
    },
  };
}

/** Attachment download links (`_links.download`), outside the REST specs: raw bytes with the attachment's media type. */
export const DOWNLOAD_ROUTES: RouteDefinition[] = [
  { method: 'GET', template: '/download/attachments/{pageId}/{filename}', specPath: null, handler: download },
];
