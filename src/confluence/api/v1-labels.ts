import type { CallOptions, ConfluenceApi, Label } from '../confluence.types';
import { isLostResponse } from './lost-response';
import { pathId } from './paging';
import type { V1Client } from './v1-client';
import { v1Label } from './v1-mappers';
import type { V1Label, V1PagedList } from './v1.types';

/**
 * Adding and removing global labels over REST v1, the same on Cloud and Data Center. A lost answer is
 * settled by reading the labels back; sending again is only needed (and harmless, as both are idempotent)
 * when the read shows the change missing.
 */
export class V1Labels {
  constructor(
    private readonly client: V1Client,
    private readonly reader: Pick<ConfluenceApi, 'listLabels'>,
  ) {}

  /** Adds global labels (existing ones are left alone) and returns the labels the page has afterwards. */
  async addLabels(pageId: string, labels: string[], opts?: CallOptions): Promise<Label[]> {
    const id = pathId(pageId, 'page id');
    const add = async () => {
      const body = labels.map((name) => ({ prefix: 'global', name }));
      const answer = await this.client.send<V1PagedList<V1Label>>('POST', `/rest/api/content/${id}/label`, { body }, opts);
      return (answer.results ?? []).map(v1Label);
    };
    try {
      return await add();
    } catch (error) {
      if (!isLostResponse(error)) throw error;
      const present = await this.reader.listLabels(id, opts);
      return labels.every((name) => hasLabel(present, name)) ? present : add();
    }
  }

  /** The query-parameter form, which (unlike `/label/{name}`) takes any label name. */
  async removeLabel(pageId: string, label: string, opts?: CallOptions): Promise<void> {
    const id = pathId(pageId, 'page id');
    const remove = () => this.client.send('DELETE', `/rest/api/content/${id}/label`, { query: { name: label } }, opts);
    try {
      await remove();
    } catch (error) {
      if (!isLostResponse(error)) throw error;
      if (hasLabel(await this.reader.listLabels(id, opts), label)) await remove();
    }
  }
}

/** Whether the page has this global label; Confluence stores label names in lower case. */
function hasLabel(labels: Label[], name: string): boolean {
  const wanted = name.toLowerCase();
  return labels.some((label) => label.prefix === 'global' && label.name.toLowerCase() === wanted);
}
