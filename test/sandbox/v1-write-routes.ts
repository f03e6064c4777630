import { restDownload } from './download-routes';
import { RouteDefinition } from './route-definition';
import { createAttachments, updateAttachmentData } from './v1-attachment-routes';
import { deleteContent } from './v1-content-delete';
import { createContent, updateContent } from './v1-content-writes';
import { addLabels, removeLabel } from './v1-label-routes';
import { movePage } from './v1-move-route';
import { listVersions } from './v1-version-routes';

/** REST v1 writes and the version list, under the same prefixes as the v1 reads. */
export const V1_WRITE_ROUTES: RouteDefinition[] = [
  { method: 'POST', template: '/content', specPath: '/content', handler: createContent },
  { method: 'PUT', template: '/content/{id}', specPath: '/content/{id}', handler: updateContent },
  { method: 'DELETE', template: '/content/{id}', specPath: '/content/{id}', handler: deleteContent },
  { method: 'PUT', template: '/content/{pageId}/move/{position}/{targetId}', specPath: '/content/{pageId}/move/{position}/{targetId}', handler: movePage },
  { method: 'POST', template: '/content/{id}/label', specPath: '/content/{id}/label', handler: addLabels },
  { method: 'DELETE', template: '/content/{id}/label', specPath: '/content/{id}/label', handler: removeLabel },
  { method: 'DELETE', template: '/content/{id}/label/{label}', specPath: '/content/{id}/label/{label}', handler: removeLabel },
  { method: 'POST', template: '/content/{id}/child/attachment', specPath: '/content/{id}/child/attachment', handler: createAttachments },
  {
    method: 'POST',
    template: '/content/{id}/child/attachment/{attachmentId}/data',
    specPath: '/content/{id}/child/attachment/{attachmentId}/data',
    handler: updateAttachmentData,
  },
  /** Cloud only: a 302 to the media host's signed URL (Data Center serves bytes at `_links.download`). */
  {
    method: 'GET',
    template: '/content/{id}/child/attachment/{attachmentId}/download',
    specPath: '/content/{id}/child/attachment/{attachmentId}/download',
    handler: restDownload,
    layouts: ['cloud'],
  },
  /** Cloud only: Data Center's public v1 API has no version list. */
  { method: 'GET', template: '/content/{id}/version', specPath: '/content/{id}/version', handler: listVersions, layouts: ['cloud'] },
];

/** Data Center's `/rest/experimental` version list: the same body as Cloud's v1 list, so it is checked against that spec path. */
export const EXPERIMENTAL_ROUTES: RouteDefinition[] = [
  { method: 'GET', template: '/content/{id}/version', specPath: '/content/{id}/version', handler: listVersions },
];
