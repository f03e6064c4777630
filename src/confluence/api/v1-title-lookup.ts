import { ConfluenceNotFoundError } from '../confluence.errors';
import type { CallOptions, ConfluenceApi, Page } from '../confluence.types';
import { escapeCqlString } from '../cql';
import type { V1Client } from './v1-client';
import type { V1PagedList, V1SearchResult } from './v1.types';

/** Finding the page that holds a title in a space, shared by creates (and their recovery) and renames. */
export class V1TitleLookup {
  constructor(
    private readonly client: V1Client,
    private readonly reader: Pick<ConfluenceApi, 'findPageByTitle'>,
  ) {}

  /** The page with this exact title in the space, or undefined when there certainly is none. */
  async pageTitled(spaceKey: string, title: string, opts?: CallOptions): Promise<Page | undefined> {
    try {
      return await this.reader.findPageByTitle(spaceKey, title, opts);
    } catch (error) {
      if (error instanceof ConfluenceNotFoundError) return undefined;
      throw error;
    }
  }

  /**
   * The page whose title clashes: the exact lookup first, then CQL, whose `title =` ignores case as
   * Confluence's uniqueness check does (so "runbook" finds the clash with "Runbook").
   */
  async titleHolder(spaceKey: string, title: string, opts?: CallOptions): Promise<{ id: string } | undefined> {
    const exact = await this.pageTitled(spaceKey, title, opts);
    if (exact) return exact;
    const cql = `space = ${escapeCqlString(spaceKey)} AND type = page AND title = ${escapeCqlString(title)}`;
    const found = await this.client.get<V1PagedList<V1SearchResult>>('/rest/api/search', { cql, limit: 1 }, opts);
    const id = found.results?.[0]?.content?.id;
    return id ? { id } : undefined;
  }
}
