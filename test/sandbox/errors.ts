/** Which error envelope a route family answers with. */
export type ErrorFamily = 'v1' | 'v2';

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

const V2_CODES: Record<number, string> = {
  400: 'INVALID_REQUEST_PARAMETER',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  429: 'TOO_MANY_REQUESTS',
  500: 'INTERNAL_SERVER_ERROR',
  502: 'BAD_GATEWAY',
  503: 'SERVICE_UNAVAILABLE',
};

/** Thrown by route handlers; the router turns it into the Confluence error envelope of the route's family. */
export class SandboxHttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export function reasonPhrase(status: number): string {
  return REASONS[status] ?? 'Error';
}

/** v1 envelope, e.g. `{"statusCode":404,"data":{...},"message":"No content found with id : ContentId{id=1}","reason":"Not Found"}`. */
export function v1ErrorBody(status: number, message: string): Record<string, unknown> {
  const authorized = status !== 401 && status !== 403;
  return {
    statusCode: status,
    data: { authorized, valid: status !== 400, errors: [], successful: status === 404 },
    message,
    reason: reasonPhrase(status),
  };
}

/** v2 envelope, e.g. `{"errors":[{"status":404,"code":"NOT_FOUND","title":"Not Found","detail":null}]}`. */
export function v2ErrorBody(status: number, detail: string | null): Record<string, unknown> {
  return { errors: [{ status, code: V2_CODES[status] ?? 'ERROR', title: reasonPhrase(status), detail }] };
}

export function errorBody(family: ErrorFamily, status: number, message: string): Record<string, unknown> {
  return family === 'v2' ? v2ErrorBody(status, status === 400 ? message : null) : v1ErrorBody(status, message);
}

export function notFound(message: string): SandboxHttpError {
  return new SandboxHttpError(404, message);
}

export function badRequest(message: string): SandboxHttpError {
  return new SandboxHttpError(400, message);
}

export function contentNotFound(id: string): SandboxHttpError {
  return notFound(`No content found with id : ContentId{id=${id}}`);
}

export function htmlErrorPage(status: number): string {
  const title = `${status} ${reasonPhrase(status)}`;
  return `<html><head><title>${title}</title></head><body><h1>${title}</h1><p>The upstream server is unavailable.</p><hr><address>nginx</address></body></html>`;
}
