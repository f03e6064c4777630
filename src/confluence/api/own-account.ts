import { ConfluenceError } from '../confluence.errors';
import type { CallOptions, ConfluenceUser } from '../confluence.types';

/** Who made a version, page or comment, compared with the account these credentials act as. */
export type Authorship = 'ours' | 'theirs' | 'unknown';

/** Confluence's clock and ours may differ; a creation time read back gets this much slack. */
export const CLOCK_SKEW_MS = 60_000;

/**
 * The account this API instance writes as, looked up once: an instance is bound to one set of credentials
 * (rotated credentials get a new one). A write whose answer was lost is recognised by its author, because
 * Confluence Cloud rewrites storage on save (macro ids, local ids, whitespace), so the body we sent is no
 * proof either way.
 */
export class OwnAccount {
  private me?: ConfluenceUser;

  constructor(private readonly lookup: (opts?: CallOptions) => Promise<ConfluenceUser>) {}

  /** `unknown` when either side has no comparable id or Confluence cannot say who we are; a cancelled call still throws. */
  async authorship(author: ConfluenceUser | undefined, opts?: CallOptions): Promise<Authorship> {
    if (!author) return 'unknown';
    const me = await this.account(opts);
    return me ? compareAccounts(me, author) : 'unknown';
  }

  private async account(opts?: CallOptions): Promise<ConfluenceUser | undefined> {
    if (this.me) return this.me;
    try {
      this.me = await this.lookup(opts);
      return this.me;
    } catch (error) {
      if (error instanceof ConfluenceError) return undefined;
      throw error;
    }
  }
}

/** The account id (Cloud) or user key (Data Center) decides; the username only when one side lacks those. */
export function compareAccounts(me: ConfluenceUser, author: ConfluenceUser): Authorship {
  if (me.accountId && author.accountId) return me.accountId === author.accountId ? 'ours' : 'theirs';
  if (me.username && author.username) return me.username === author.username ? 'ours' : 'theirs';
  return 'unknown';
}

/** Whether Confluence says it made this at or after `startedAt` (our clock, less the skew); undefined when it does not say. */
export function madeSince(createdAt: string | undefined, startedAt: number): boolean | undefined {
  const at = createdAt ? Date.parse(createdAt) : Number.NaN;
  return Number.isNaN(at) ? undefined : at >= startedAt - CLOCK_SKEW_MS;
}
