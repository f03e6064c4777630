import {
  ConfluenceConflictError,
  ConfluenceError,
  ConfluenceRateLimitedError,
  ConfluenceUnconfirmedWriteError,
} from '../confluence/confluence.errors';

/** What a model should do next for each kind of Confluence failure. */
const NEXT_STEP: Record<ConfluenceError['kind'], string> = {
  not_found: 'Check the id or key, or find the right one with confluence_search.',
  authentication:
    "The server's Confluence credentials or URL were rejected; this is a server configuration problem that retrying will not fix.",
  permission: 'The configured Confluence account may not see or change this; try a different page or space.',
  conflict: 'Read the current version and try again with it.',
  rate_limited: 'Confluence is rate limiting; wait and try again.',
  invalid_request: 'Fix the request as the message says and try again.',
  unavailable: 'Confluence is unreachable or failing right now; try again shortly.',
};

/**
 * Turns a typed Confluence error into text the model can act on, naming the
 * page or space it asked for when a lookup failed.
 */
export function describeConfluenceError(error: ConfluenceError, args: Record<string, unknown> = {}): string {
  if (error.kind === 'not_found') return notFound(args) ?? sentence(error.message, NEXT_STEP.not_found);
  if (error instanceof ConfluenceConflictError) return conflict(error);
  if (error instanceof ConfluenceUnconfirmedWriteError) return error.message;
  const retry =
    error instanceof ConfluenceRateLimitedError && error.retryAfterMs !== undefined
      ? ` Retry after ${Math.ceil(error.retryAfterMs / 1000)} s.`
      : '';
  return sentence(error.message, NEXT_STEP[error.kind]) + retry;
}

function notFound(args: Record<string, unknown>): string | undefined {
  const pageId = pageIdOf(args.page_id);
  if (pageId !== undefined) {
    return `Page ${pageId} was not found, or the configured account cannot see it. Check the id, or find the page with confluence_search.`;
  }
  if (typeof args.space_key === 'string' && typeof args.title === 'string') {
    return `No page titled "${args.title}" was found in space ${args.space_key}. Check the title, or find the page with confluence_search.`;
  }
  if (typeof args.space_key === 'string') {
    return `Space ${args.space_key} was not found, or the configured account cannot see it. List the available spaces with confluence_list_spaces.`;
  }
  return undefined;
}

/**
 * A conflict says what the caller needs to recover without losing work: the page's current
 * version, who changed it and when — or, for a create, the page that already has the title.
 */
function conflict(error: ConfluenceConflictError): string {
  const details = error.details ?? {};
  if (details.existingPageId !== undefined) {
    return sentence(error.message, `To change that page, use confluence_update_page with page_id ${details.existingPageId}.`);
  }
  const version = details.currentVersion ?? error.currentVersion;
  if (version === undefined) return sentence(error.message, NEXT_STEP.conflict);
  return sentence(error.message, `Nothing was written; after reading it again with confluence_get_page, send version ${version}.`);
}

function sentence(message: string, next: string): string {
  const trimmed = message.trim();
  return `${/[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`} ${next}`;
}

/** Tool arguments reach interceptors parsed, so a page is a `PageRef`. */
function pageIdOf(value: unknown): string | undefined {
  const id = (value as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' ? id : undefined;
}
