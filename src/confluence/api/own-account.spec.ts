import { ConfluenceUnavailableError } from '../confluence.errors';
import type { ConfluenceUser } from '../confluence.types';
import { RequestCancelledError } from '../request-cancelled.error';
import { CLOCK_SKEW_MS, compareAccounts, madeSince, OwnAccount } from './own-account';

const cloudMe: ConfluenceUser = { accountId: '557058:me', displayName: 'Me' };
const dcMe: ConfluenceUser = { accountId: '8a7f808ame', username: 'me', displayName: 'Me' };

describe('compareAccounts', () => {
  it('decides by account id (Cloud) or user key (Data Center) when both sides have one', () => {
    expect(compareAccounts(cloudMe, { accountId: '557058:me', displayName: 'Renamed' })).toBe('ours');
    expect(compareAccounts(cloudMe, { accountId: '557058:alice', displayName: 'Me' })).toBe('theirs');
    expect(compareAccounts(dcMe, { accountId: '8a7f808ame', username: 'someone-else', displayName: 'Me' })).toBe('ours');
  });

  it('falls back to the username only when an id is missing, and is unknown with nothing to compare', () => {
    expect(compareAccounts(dcMe, { username: 'me', displayName: 'Me' })).toBe('ours');
    expect(compareAccounts(dcMe, { username: 'alice', displayName: 'Alice' })).toBe('theirs');
    expect(compareAccounts(cloudMe, { username: 'me', displayName: 'Me' })).toBe('unknown');
    expect(compareAccounts(cloudMe, { displayName: 'Me' })).toBe('unknown');
  });
});

describe('madeSince', () => {
  const start = Date.parse('2025-03-01T12:00:00Z');

  it('allows for clock skew, and says nothing without a readable time', () => {
    expect(madeSince('2025-03-01T12:00:05Z', start)).toBe(true);
    expect(madeSince(new Date(start - CLOCK_SKEW_MS + 1_000).toISOString(), start)).toBe(true);
    expect(madeSince(new Date(start - CLOCK_SKEW_MS - 1_000).toISOString(), start)).toBe(false);
    expect(madeSince(undefined, start)).toBeUndefined();
    expect(madeSince('yesterday-ish', start)).toBeUndefined();
  });
});

describe('OwnAccount', () => {
  it('looks the account up once, and again only after a failed lookup', async () => {
    const answers: (ConfluenceUser | Error)[] = [new ConfluenceUnavailableError('down', 'status', { status: 503 }), cloudMe];
    let lookups = 0;
    const account = new OwnAccount(async () => {
      const next = answers[Math.min(lookups++, answers.length - 1)];
      if (next instanceof Error) throw next;
      return next;
    });
    await expect(account.authorship(cloudMe)).resolves.toBe('unknown');
    await expect(account.authorship(cloudMe)).resolves.toBe('ours');
    await expect(account.authorship({ accountId: 'other', displayName: 'O' })).resolves.toBe('theirs');
    expect(lookups).toBe(2);
  });

  it('is unknown for a missing author without asking, and lets a cancellation through', async () => {
    let lookups = 0;
    const unasked = new OwnAccount(async () => (lookups++, cloudMe));
    await expect(unasked.authorship(undefined)).resolves.toBe('unknown');
    expect(lookups).toBe(0);
    const cancelled = new OwnAccount(async () => {
      throw new RequestCancelledError();
    });
    await expect(cancelled.authorship(cloudMe)).rejects.toBeInstanceOf(RequestCancelledError);
  });
});
