import { ConfluenceError, ConfluenceRateLimitedError } from '../confluence/confluence.errors';

/** What a model should do next for each kind of Confluence failure. */
const NEXT_STEP: Record<ConfluenceError['kind'], string> = {
  not_found: 'Check the id or key, or find the right one with confluence_search.',
  authentication:
    'The server\'s Confluence credentials were rejected; this is a server configuration problem, not something a retry will fix.',
  permission: 'The configured Confluence account may not see or change this; try a different page or space.',
  conflict: 'Read the current version and try again with it.',
  rate_limited: 'Confluence is rate limiting; wait and try again.',
  invalid_request: 'Fix the request as the message says and try again.',
  unavailable: 'Confluence is unreachable or failing right now; try again shortly.',
};

/** Turns a typed Confluence error into one line the model can act on. */
export function describeConfluenceError(error: ConfluenceError): string {
  const retry =
    error instanceof ConfluenceRateLimitedError && error.retryAfterMs !== undefined
      ? ` Retry after ${Math.ceil(error.retryAfterMs / 1000)} s.`
      : '';
  return `${error.message} ${NEXT_STEP[error.kind]}${retry}`.trim();
}
