import type { CallOptions, Label } from '../confluence.types';
import { pathId } from './paging';
import type { V1Client } from './v1-client';
import { v1Label } from './v1-mappers';
import type { V1Label, V1PagedList } from './v1.types';

/** Adding and removing global labels over REST v1, the same on Cloud and Data Center. */
export class V1Labels {
  constructor(private readonly client: V1Client) {}

  /** Adds global labels (existing ones are left alone) and returns the labels the page has afterwards. */
  async addLabels(pageId: string, labels: string[], opts?: CallOptions): Promise<Label[]> {
    const body = labels.map((name) => ({ prefix: 'global', name }));
    const answer = await this.client.send<V1PagedList<V1Label>>('POST', `/rest/api/content/${pathId(pageId, 'page id')}/label`, { body }, opts);
    return (answer.results ?? []).map(v1Label);
  }

  /** The query-parameter form, which (unlike `/label/{name}`) takes any label name. */
  async removeLabel(pageId: string, label: string, opts?: CallOptions): Promise<void> {
    await this.client.send('DELETE', `/rest/api/content/${pathId(pageId, 'page id')}/label`, { query: { name: label } }, opts);
  }
}
