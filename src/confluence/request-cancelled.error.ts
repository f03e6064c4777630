/**
 * The caller gave up (client cancelled the MCP call or disconnected). Not a
 * Confluence failure, so outside the error taxonomy; whatever the abort reason
 * was (the SDK passes a string), it surfaces as this one type.
 */
export class RequestCancelledError extends Error {
  override readonly name = 'AbortError';

  constructor(reason?: unknown) {
    super('The request was cancelled by the caller.', reason === undefined ? undefined : { cause: reason });
  }
}
