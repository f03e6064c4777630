import {
  ConfluenceError,
  ConfluenceRateLimitedError,
  ConfluenceUnavailableError,
  ConfluenceUnconfirmedWriteError,
} from '../confluence.errors';

/**
 * Statuses a gateway in front of Confluence answers when it may already have forwarded the request:
 * 502 (the upstream connection broke mid-exchange) and 504 (the upstream did not answer in time).
 * 503 counts too: proxies also answer 503 when the upstream connection is reset after the request went
 * out (Envoy's "upstream connect error or disconnect/reset before headers"), so it does not prove the
 * write was refused. Treating it as possibly applied costs one read, and the write is sent again only
 * when that read shows it did not happen. 500 is Confluence's own answer and is reported as it is.
 */
const MAYBE_FORWARDED = new Set([502, 503, 504]);

/**
 * A write whose answer never came although the request may have reached Confluence: socket cut or timeout
 * after sending, or a gateway error from a proxy that may have forwarded it. Only a read can tell whether
 * it was applied; re-sending blindly could apply it twice.
 */
export function isLostResponse(error: unknown): error is ConfluenceUnavailableError {
  if (!(error instanceof ConfluenceUnavailableError) || !error.requestSent) return false;
  return error.reason !== 'status' || (error.status !== undefined && MAYBE_FORWARDED.has(error.status));
}

/**
 * The error for a lost write that reading back could not settle. `check` is the read that tells
 * (e.g. "Read page 42"), which the caller must make before deciding to send the write again.
 */
export function unconfirmedWrite(what: string, cause: ConfluenceError, check: string): ConfluenceUnconfirmedWriteError {
  return new ConfluenceUnconfirmedWriteError(
    `${what} may have been applied: Confluence's answer was lost and reading back could not confirm it either way. ` +
      `${check} before retrying; a blind retry could apply it twice.`,
    cause instanceof ConfluenceUnavailableError ? cause.reason : 'network',
    { status: cause.status, cause },
  );
}

/**
 * Runs a read that settles a lost write. If Confluence fails that read too, the write is reported as
 * unconfirmed rather than as an outage, whose usual advice (try again) could apply it twice.
 */
export async function readingBack<T>(unconfirmed: () => ConfluenceUnconfirmedWriteError, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof ConfluenceUnavailableError || error instanceof ConfluenceRateLimitedError) throw unconfirmed();
    throw error;
  }
}
