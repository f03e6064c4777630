import { confluenceMessageFrom } from './error-body';
import { parseRetryAfter } from './retry-policy';

export type ConfluenceErrorKind =
  | 'not_found'
  | 'authentication'
  | 'permission'
  | 'conflict'
  | 'rate_limited'
  | 'invalid_request'
  | 'unavailable';

export type ResponseHeaders = Record<string, string | string[] | undefined>;

/** Every failure of a Confluence call, typed so the tool edge can turn it into one short, honest result. */
export abstract class ConfluenceError extends Error {
  abstract readonly kind: ConfluenceErrorKind;

  constructor(
    message: string,
    readonly status?: number,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The page, space or other entity does not exist, or is invisible to the caller. */
export class ConfluenceNotFoundError extends ConfluenceError {
  readonly kind = 'not_found';
}

/** Confluence rejected the configured credentials (401), or answered like a login page would (redirect, HTML). */
export class ConfluenceAuthenticationError extends ConfluenceError {
  readonly kind = 'authentication';
}

/** The credentials are valid but may not do this (403). */
export class ConfluencePermissionError extends ConfluenceError {
  readonly kind = 'permission';
}

/** What is known about the state that won a conflict, so the caller can re-read, merge or pick another title. */
export interface ConflictDetails {
  /** The version the content is at now. */
  currentVersion?: number;
  /** Display name of whoever made the current version. */
  updatedBy?: string;
  /** When the current version was made (ISO 8601). */
  updatedAt?: string;
  /** The page that already holds the title a create, rename or move asked for. */
  existingPageId?: string;
}

/**
 * Someone else changed the content first (409), or the title is taken. `details` says by whom, when and
 * what the content is at now; `currentVersion` (also in `details`) lets the caller re-read and retry.
 */
export class ConfluenceConflictError extends ConfluenceError {
  readonly kind = 'conflict';
  readonly currentVersion?: number;
  readonly details: ConflictDetails;

  constructor(message: string, status?: number, currentVersion?: number, details: ConflictDetails = {}) {
    super(message, status);
    this.details = withoutUndefined({ ...details, currentVersion: details.currentVersion ?? currentVersion });
    this.currentVersion = this.details.currentVersion;
  }
}

/** Confluence throttled us (429); `retryAfterMs` says when it will accept calls again. */
export class ConfluenceRateLimitedError extends ConfluenceError {
  readonly kind = 'rate_limited';

  constructor(
    message: string,
    status?: number,
    readonly retryAfterMs?: number,
  ) {
    super(message, status);
  }
}

/** Confluence refused the request itself (bad CQL, too long a title, …); the message is Confluence's own. */
export class ConfluenceInvalidRequestError extends ConfluenceError {
  readonly kind = 'invalid_request';
}

/** Why Confluence counts as unavailable: an HTTP status, a socket failure, or no answer in time. */
export type UnavailableReason = 'status' | 'network' | 'timeout';

/** Extra facts about an unavailable Confluence; `cause` is the underlying error, kept as the standard `Error.cause`. */
export interface UnavailableOptions {
  status?: number;
  retryAfterMs?: number;
  requestSent?: boolean;
  cause?: unknown;
}

/**
 * Confluence could not be reached or answered 5xx. `requestSent: false` means the
 * request certainly never reached the server (connection refused), so even a write may be re-sent.
 */
export class ConfluenceUnavailableError extends ConfluenceError {
  readonly kind = 'unavailable';
  readonly retryAfterMs?: number;
  readonly requestSent: boolean;

  constructor(
    message: string,
    readonly reason: UnavailableReason,
    options: UnavailableOptions = {},
  ) {
    super(message, options.status, options.cause === undefined ? undefined : { cause: options.cause });
    this.retryAfterMs = options.retryAfterMs;
    this.requestSent = options.requestSent ?? true;
  }
}

/**
 * A write whose answer was lost and whose outcome reading back could not settle: it may have been applied.
 * Its message already says to check before retrying, so the tool edge should not add "try again" to it:
 * a blind retry could apply the write twice.
 */
export class ConfluenceUnconfirmedWriteError extends ConfluenceUnavailableError {}

const CURRENT_VERSION = /current version is:?\s*(\d+)/i;
/** Conflicts Confluence answers with 400: a stale version on some deployments, and a title already taken in the space. */
const CONFLICT_AS_400 = /version must be incremented|page with this title already exists|already exists with the (?:same )?title/i;

/** Turns a non-2xx Confluence response into the typed error; never copies a non-JSON body into the message. */
export function errorFromResponse(
  status: number,
  headers: ResponseHeaders,
  bodyText: string,
  now: number = Date.now(),
): ConfluenceError {
  const detail = confluenceMessageFrom(bodyText);
  const retryAfterMs = parseRetryAfter(headerValue(headers, 'retry-after'), now);
  const say = (summary: string): string => (detail ? `${summary}: ${detail}` : `${summary}.`);
  switch (status) {
    case 401:
      return new ConfluenceAuthenticationError(say('Confluence rejected the credentials (HTTP 401)'), status);
    case 403:
      return new ConfluencePermissionError(say('Confluence denied permission (HTTP 403)'), status);
    case 404:
    case 410:
      return new ConfluenceNotFoundError(say(`Confluence found nothing there (HTTP ${status})`), status);
    case 409:
      return new ConfluenceConflictError(say('Confluence reported a conflict (HTTP 409)'), status, currentVersionIn(detail));
    case 429:
      return new ConfluenceRateLimitedError('Confluence rate limit reached (HTTP 429).', status, retryAfterMs);
  }
  if (status === 400 && detail && CONFLICT_AS_400.test(detail)) {
    return new ConfluenceConflictError(say('Confluence reported a conflict (HTTP 400)'), status, currentVersionIn(detail));
  }
  if (status >= 500) {
    return new ConfluenceUnavailableError(`Confluence is unavailable (HTTP ${status}); try again later.`, 'status', {
      status,
      retryAfterMs,
    });
  }
  return new ConfluenceInvalidRequestError(say(`Confluence rejected the request (HTTP ${status})`), status);
}

/** Reads one header from undici's header record, whose names are lower-case and may repeat. */
export function headerValue(headers: ResponseHeaders, name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

function currentVersionIn(detail: string | undefined): number | undefined {
  const match = detail ? CURRENT_VERSION.exec(detail) : null;
  return match ? Number(match[1]) : undefined;
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as T;
}
