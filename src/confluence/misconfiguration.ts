import { ConfluenceAuthenticationError, ResponseHeaders, headerValue } from './confluence.errors';

const HTML_ANSWER =
  'Confluence answered with an HTML page instead of JSON — check that CONFLUENCE_URL is the site\'s base URL and that the credentials are valid.';

/**
 * A redirect from a REST call (undici does not follow them) almost always leads to a login or
 * SSO page, so it is reported as a configuration problem; only the target's origin is named.
 */
export function redirectError(status: number, headers: ResponseHeaders, requestUrl: URL): ConfluenceAuthenticationError {
  const origin = redirectOrigin(headerValue(headers, 'location'), requestUrl);
  const where = origin ? ` to ${origin}` : '';
  return new ConfluenceAuthenticationError(
    `Confluence redirected the request (HTTP ${status}${where}) — usually a login or SSO page: check CONFLUENCE_URL and the credentials.`,
    status,
  );
}

/** A 2xx HTML page where JSON was asked for is a login page or the wrong base URL; the HTML itself is never shown. */
export function htmlAnswerError(status: number): ConfluenceAuthenticationError {
  return new ConfluenceAuthenticationError(HTML_ANSWER, status);
}

/** HTML by content type or by its first character; JSON never starts with `<`. */
export function looksLikeHtml(headers: ResponseHeaders, text: string): boolean {
  const contentType = headerValue(headers, 'content-type')?.toLowerCase() ?? '';
  return contentType.includes('text/html') || text.trimStart().startsWith('<');
}

function redirectOrigin(location: string | undefined, requestUrl: URL): string | undefined {
  if (!location) return undefined;
  try {
    const origin = new URL(location, requestUrl).origin;
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
}
