import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  ConfluenceAuthenticationError,
  ConfluenceConflictError,
  ConfluenceInvalidRequestError,
  ConfluenceNotFoundError,
  ConfluencePermissionError,
  ConfluenceRateLimitedError,
  ConfluenceUnavailableError,
  errorFromResponse,
} from './confluence.errors';

const FIXTURES = path.resolve(__dirname, '../../../shared/confluence-fixtures');
const fixtureText = (name: string): string => readFileSync(path.join(FIXTURES, name), 'utf8');
const apaMock = (key: string): string => JSON.stringify(JSON.parse(fixtureText('apa-confluence_v2_mock_responses.json'))[key]);
const NOW = Date.parse('2025-01-01T00:00:00Z');

describe('errorFromResponse', () => {
  it('reads the v1 envelope message and drops the Java exception class', () => {
    const error = errorFromResponse(400, {}, fixtureText('xsoar-content_search_invalid_query_argument.json'));
    expect(error).toBeInstanceOf(ConfluenceInvalidRequestError);
    expect(error.kind).toBe('invalid_request');
    expect(error.status).toBe(400);
    expect(error.message).toMatch(/^Confluence rejected the request \(HTTP 400\): Unsupported value for type, got : pagenjkkj/);
    expect(error.message).not.toContain('BadRequestException');
  });

  it('adds the v1 data.errors messages (key or translation) to the top-level message', () => {
    const tooLong = errorFromResponse(400, {}, fixtureText('xsoar-content_create_required_argument_error.json'));
    expect(tooLong.message).toContain('Could not create content with type page; Title cannot be longer than 255 characters.');
    const purge = errorFromResponse(400, {}, fixtureText('xsoar-content_delete_command_bad_request_error.json'));
    expect(purge.message).toContain('Trashable Content must be trashed before it can be purged');
  });

  it('maps 403 with the real "not permitted" body to a permission error', () => {
    const error = errorFromResponse(403, {}, fixtureText('xsoar-error_msg_for_403_error_code.json'));
    expect(error).toBeInstanceOf(ConfluencePermissionError);
    expect(error.message).toBe('Confluence denied permission (HTTP 403): Current user not permitted to use Confluence');
  });

  it('reads v1 envelopes that carry only data.errors (404, validation errors)', () => {
    expect(errorFromResponse(404, {}, apaMock('ERROR_NOT_FOUND'))).toEqual(
      expect.objectContaining({ kind: 'not_found', message: expect.stringContaining('The requested resource could not be found') }),
    );
    const validation = errorFromResponse(400, {}, apaMock('ERROR_VALIDATION'));
    expect(validation.message).toContain('Invalid request; title: Title cannot be empty');
  });

  it('reads the v2 envelope (title and detail)', () => {
    const body = JSON.stringify({ errors: [{ status: 404, code: 'NOT_FOUND', title: 'Page not found', detail: null }] });
    const error = errorFromResponse(404, {}, body);
    expect(error).toBeInstanceOf(ConfluenceNotFoundError);
    expect(error.message).toBe('Confluence found nothing there (HTTP 404): Page not found');
    const twoErrors = JSON.stringify({
      errors: [
        { status: 400, code: 'INVALID_REQUEST_PARAMETER', title: 'Invalid limit', detail: 'limit must be at most 250' },
        { status: 400, code: 'INVALID_REQUEST_PARAMETER', title: 'Invalid sort', detail: null },
      ],
    });
    expect(errorFromResponse(400, {}, twoErrors).message).toContain('Invalid limit — limit must be at most 250; Invalid sort');
  });

  it('parses the current version from a 409 conflict', () => {
    const body = JSON.stringify({
      statusCode: 409,
      data: { authorized: true, valid: true, errors: [], successful: false },
      message: 'com.atlassian.confluence.api.service.exceptions.api.ConflictException: Version must be incremented on update. Current version is: 7',
      reason: 'Conflict',
    });
    const error = errorFromResponse(409, {}, body);
    expect(error).toBeInstanceOf(ConfluenceConflictError);
    expect((error as ConfluenceConflictError).currentVersion).toBe(7);
    expect(error.message).toBe(
      'Confluence reported a conflict (HTTP 409): Version must be incremented on update. Current version is: 7',
    );
  });

  it('maps the 400 answers that are really conflicts: a stale version and a title already taken', () => {
    const stale = errorFromResponse(400, {}, JSON.stringify({ statusCode: 400, message: 'Version must be incremented on update. Current version is: 4' }));
    expect(stale).toBeInstanceOf(ConfluenceConflictError);
    expect((stale as ConfluenceConflictError).details).toEqual({ currentVersion: 4 });
    const taken = errorFromResponse(400, {}, JSON.stringify({
      statusCode: 400,
      message: 'com.atlassian.confluence.api.service.exceptions.BadRequestException: A page with this title already exists: A page already exists with the title Runbook in the space with key ENG',
    }));
    expect(taken).toBeInstanceOf(ConfluenceConflictError);
    expect(taken.message).toBe(
      'Confluence reported a conflict (HTTP 400): A page with this title already exists: A page already exists with the title Runbook in the space with key ENG',
    );
    const missingVersion = errorFromResponse(400, {}, JSON.stringify({ message: 'Must supply an incremented version when updating Content. No version supplied.' }));
    expect(missingVersion).toBeInstanceOf(ConfluenceInvalidRequestError);
  });

  it('never copies an HTML body into the message', () => {
    const html = '<html><head><title>502 Bad Gateway</title></head><body>secret-host.internal nginx stack</body></html>';
    const error = errorFromResponse(502, {}, html);
    expect(error).toBeInstanceOf(ConfluenceUnavailableError);
    expect(error.message).toBe('Confluence is unavailable (HTTP 502); try again later.');
    const invalid = errorFromResponse(400, {}, html);
    expect(invalid.message).toBe('Confluence rejected the request (HTTP 400).');
    expect(invalid.message).not.toMatch(/html|secret|nginx/i);
  });

  it('keeps only the first line of a message, so stack traces never leak', () => {
    const body = JSON.stringify({ message: 'Something broke\n\tat com.atlassian.Foo.bar(Foo.java:12)\n\tat sun.reflect' });
    expect(errorFromResponse(500, {}, body).message).not.toContain('Foo.java');
    expect(errorFromResponse(400, {}, body).message).toBe('Confluence rejected the request (HTTP 400): Something broke');
  });

  it('ignores JSON whose message is itself HTML', () => {
    const body = JSON.stringify({ message: '<div>Internal <b>error</b></div>' });
    expect(errorFromResponse(400, {}, body).message).toBe('Confluence rejected the request (HTTP 400).');
  });

  it('maps 401 and uses a generic line when the body is empty', () => {
    const error = errorFromResponse(401, {}, '');
    expect(error).toBeInstanceOf(ConfluenceAuthenticationError);
    expect(error.message).toBe('Confluence rejected the credentials (HTTP 401).');
  });

  it('carries Retry-After on 429 (seconds or HTTP-date) and on 503', () => {
    const seconds = errorFromResponse(429, { 'retry-after': '30' }, '', NOW);
    expect(seconds).toBeInstanceOf(ConfluenceRateLimitedError);
    expect((seconds as ConfluenceRateLimitedError).retryAfterMs).toBe(30_000);
    const date = errorFromResponse(429, { 'retry-after': new Date(NOW + 5_000).toUTCString() }, '', NOW);
    expect((date as ConfluenceRateLimitedError).retryAfterMs).toBe(5_000);
    const unavailable = errorFromResponse(503, { 'retry-after': ['2'] }, '', NOW) as ConfluenceUnavailableError;
    expect(unavailable.reason).toBe('status');
    expect(unavailable).not.toHaveProperty('cause');
    expect(unavailable.retryAfterMs).toBe(2_000);
  });

  it('maps other statuses: 410 not found, 422 invalid request, 504 unavailable', () => {
    expect(errorFromResponse(410, {}, '').kind).toBe('not_found');
    expect(errorFromResponse(422, {}, '').kind).toBe('invalid_request');
    expect(errorFromResponse(504, {}, '').kind).toBe('unavailable');
  });

  it('names each error after its class', () => {
    expect(errorFromResponse(404, {}, '').name).toBe('ConfluenceNotFoundError');
  });
});

describe('ConfluenceUnavailableError', () => {
  it('says why in `reason` and keeps the underlying error as the standard Error.cause', () => {
    const socketError = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
    const error = new ConfluenceUnavailableError('Confluence could not be reached.', 'network', { cause: socketError });
    expect(error.reason).toBe('network');
    expect(error.cause).toBe(socketError);
    expect(new ConfluenceUnavailableError('slow', 'timeout')).not.toHaveProperty('cause');
  });
});

describe('ConfluenceConflictError', () => {
  it('carries who changed the content, when and the version in `details`, and keeps `currentVersion`', () => {
    const error = new ConfluenceConflictError('stale', 409, 5, { updatedBy: 'Alice Anderson', updatedAt: '2024-01-15T10:00:00.000Z' });
    expect(error.currentVersion).toBe(5);
    expect(error.details).toEqual({ currentVersion: 5, updatedBy: 'Alice Anderson', updatedAt: '2024-01-15T10:00:00.000Z' });
    expect(error.kind).toBe('conflict');
  });

  it('takes the version from `details` when only that is given, and leaves out what is unknown', () => {
    expect(new ConfluenceConflictError('taken', 400, undefined, { existingPageId: '42' }).details).toEqual({ existingPageId: '42' });
    const fromDetails = new ConfluenceConflictError('stale', 409, undefined, { currentVersion: 3 });
    expect(fromDetails.currentVersion).toBe(3);
    expect(new ConfluenceConflictError('bare').details).toEqual({});
  });
});
