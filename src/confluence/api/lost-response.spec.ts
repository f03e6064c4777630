import {
  ConfluenceConflictError,
  ConfluenceRateLimitedError,
  ConfluenceUnavailableError,
  ConfluenceUnconfirmedWriteError,
  errorFromResponse,
} from '../confluence.errors';
import { isLostResponse, readingBack, unconfirmedWrite } from './lost-response';

describe('isLostResponse', () => {
  it('counts a cut socket, a timeout and the gateway statuses 502, 503 and 504 as possibly applied', () => {
    expect(isLostResponse(new ConfluenceUnavailableError('reset', 'network'))).toBe(true);
    expect(isLostResponse(new ConfluenceUnavailableError('slow', 'timeout'))).toBe(true);
    for (const status of [502, 503, 504]) expect(isLostResponse(errorFromResponse(status, {}, ''))).toBe(true);
  });

  it('does not count a request that never left, Confluence\'s own 500, or any other failure', () => {
    expect(isLostResponse(new ConfluenceUnavailableError('refused', 'network', { requestSent: false }))).toBe(false);
    expect(isLostResponse(errorFromResponse(500, {}, ''))).toBe(false);
    expect(isLostResponse(new ConfluenceConflictError('stale', 409))).toBe(false);
    expect(isLostResponse(new Error('boom'))).toBe(false);
  });
});

describe('unconfirmedWrite', () => {
  it('says the write may have happened and what to check before retrying, without inviting a blind retry', () => {
    const error = unconfirmedWrite('Adding a comment to page 7', errorFromResponse(504, {}, ''), 'List the comments of page 7');
    expect(error).toBeInstanceOf(ConfluenceUnconfirmedWriteError);
    expect(error).toMatchObject({ kind: 'unavailable', status: 504, reason: 'status' });
    expect(error.message).toBe(
      "Adding a comment to page 7 may have been applied: Confluence's answer was lost and reading back could not confirm it either way. " +
        'List the comments of page 7 before retrying; a blind retry could apply it twice.',
    );
    expect(error.message).not.toMatch(/try again/i);
  });
});

describe('readingBack', () => {
  const unconfirmed = () => unconfirmedWrite('Writing', new ConfluenceUnavailableError('cut', 'network'), 'Read it');

  it('turns an outage or throttling of the read into the unconfirmed write, and passes anything else through', async () => {
    await expect(readingBack(unconfirmed, async () => 'read')).resolves.toBe('read');
    await expect(readingBack(unconfirmed, () => Promise.reject(errorFromResponse(503, {}, '')))).rejects.toBeInstanceOf(ConfluenceUnconfirmedWriteError);
    await expect(readingBack(unconfirmed, () => Promise.reject(new ConfluenceRateLimitedError('slow down', 429)))).rejects.toBeInstanceOf(
      ConfluenceUnconfirmedWriteError,
    );
    const conflict = new ConfluenceConflictError('stale', 409);
    await expect(readingBack(unconfirmed, () => Promise.reject(conflict))).rejects.toBe(conflict);
  });
});
