/** The `confluence://attachment/{attachment_id}` resource template, shared by the download tool and the resource. */
export const ATTACHMENT_URI_TEMPLATE = 'confluence://attachment/{attachment_id}';

/** The resource URI of one attachment, so a downloaded file can be read again as a resource. */
export function attachmentUri(attachmentId: string): string {
  return `confluence://attachment/${encodeURIComponent(attachmentId)}`;
}
