/** Which error envelope a route family answers with. */
export type ErrorFamily = 'v1' | 'v2';

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

const V2_CODES: Record<number, string> = {
  400: 'INVALID_REQUEST_PARAMETER',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  429: 'TOO_MANY_REQUESTS',
  500: 'INTERNAL_SERVER_ERROR',
  502: 'BAD_GATEWAY',
  503: 'SERVICE_UNAVAILABLE',
  504: 'GATEWAY_TIMEOUT',
};

/** One entry of a v1 envelope's `data.errors`: Confluence sends either an i18n `key` or its `translation`. */
export interface V1ErrorDetail {
  key?: string;
  translation?: string;
}

/** Thrown by route handlers; the router turns it into the Confluence error envelope of the route's family. */
export class SandboxHttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
    readonly details: V1ErrorDetail[] = [],
  ) {
    super(message);
  }
}

export function reasonPhrase(status: number): string {
  return REASONS[status] ?? 'Error';
}

/**
 * v1 envelope, e.g. `{"statusCode":404,"data":{...},"message":"No content found with id : ContentId{id=1}","reason":"Not Found"}`.
 * Captured 409s say `authorized: false`; 400s list their reasons in `data.errors` (see ../shared/confluence-fixtures).
 */
export function v1ErrorBody(status: number, message: string, details: V1ErrorDetail[] = []): Record<string, unknown> {
  const authorized = status !== 401 && status !== 403 && status !== 409;
  const errors = details.map((detail) => ({ message: { ...detail, args: [] } }));
  return {
    statusCode: status,
    data: { authorized, valid: status !== 400, errors, successful: status === 404 },
    message,
    reason: reasonPhrase(status),
  };
}

/** v2 envelope, e.g. `{"errors":[{"status":404,"code":"NOT_FOUND","title":"Not Found","detail":null}]}`. */
export function v2ErrorBody(status: number, detail: string | null): Record<string, unknown> {
  return { errors: [{ status, code: V2_CODES[status] ?? 'ERROR', title: reasonPhrase(status), detail }] };
}

export function errorBody(family: ErrorFamily, status: number, message: string, details: V1ErrorDetail[] = []): Record<string, unknown> {
  return family === 'v2' ? v2ErrorBody(status, status === 400 ? message : null) : v1ErrorBody(status, message, details);
}

export function notFound(message: string): SandboxHttpError {
  return new SandboxHttpError(404, message);
}

export function badRequest(message: string): SandboxHttpError {
  return new SandboxHttpError(400, message);
}

/** Confluence's service exceptions name their Java class in the message; clients strip it. */
export function badRequestException(message: string, details: V1ErrorDetail[] = []): SandboxHttpError {
  return new SandboxHttpError(400, `com.atlassian.confluence.api.service.exceptions.BadRequestException: ${message}`, {}, details);
}

/** The optimistic-locking refusal of a stale update, word for word as Confluence sends it. */
export function versionConflict(currentVersion: number): SandboxHttpError {
  return new SandboxHttpError(
    409,
    `com.atlassian.confluence.api.service.exceptions.api.ConflictException: Version must be incremented on update. Current version is: ${currentVersion}`,
  );
}

export function titleExists(title: string, spaceKey: string): SandboxHttpError {
  return badRequestException(`A page with this title already exists: A page already exists with the title ${title} in the space with key ${spaceKey}`);
}

export function unsupportedMediaType(contentType: string | undefined): SandboxHttpError {
  return new SandboxHttpError(415, `Unsupported Media Type: ${contentType ?? 'none'}`);
}

export function contentNotFound(id: string): SandboxHttpError {
  return notFound(`No content found with id : ContentId{id=${id}}`);
}

export function htmlErrorPage(status: number): string {
  const title = `${status} ${reasonPhrase(status)}`;
  return `<html><head><title>${title}</title></head><body><h1>${title}</h1><p>The upstream server is unavailable.</p><hr><address>nginx</address></body></html>`;
}
