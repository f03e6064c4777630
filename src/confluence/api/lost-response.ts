import { ConfluenceError, ConfluenceUnavailableError } from '../confluence.errors';

/**
 * A write whose answer never came although the request may have reached Confluence (socket cut or
 * timeout after sending). Only a read can tell whether it was applied; re-sending blindly could apply it twice.
 */
export function isLostResponse(error: unknown): error is ConfluenceUnavailableError {
  return error instanceof ConfluenceUnavailableError && error.requestSent && error.reason !== 'status';
}

/** The error for a write that was lost and could not be confirmed by reading back. */
export function unconfirmedWrite(what: string, cause: ConfluenceError): ConfluenceUnavailableError {
  return new ConfluenceUnavailableError(
    `${what}: the answer was lost and reading back could not confirm it was applied. Check before trying again.`,
    cause instanceof ConfluenceUnavailableError ? cause.reason : 'network',
    { cause },
  );
}
