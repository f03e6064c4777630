import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { v2Attachment, v2Label, v2PageSummary, v2Space } from './v2-mappers';
import type { V2Attachment, V2Label, V2Page, V2Space } from './v2.types';

interface Listing<T> {
  results: T[];
  _links?: { base?: string; next?: string };
}

const FIXTURES = path.resolve(__dirname, '../../../../shared/confluence-fixtures');
const fixture = <T>(name: string): T => JSON.parse(readFileSync(path.join(FIXTURES, name), 'utf8')) as T;
const apa = <T>(key: string): T => fixture<Record<string, T>>('apa-confluence_v2_mock_responses.json')[key];
const CLOUD = 'https://example.atlassian.net/wiki';

describe('v2 mappers', () => {
  it('maps spaces (atlassian-python-api SPACES_RESULT)', () => {
    const spaces = apa<Listing<V2Space>>('SPACES_RESULT').results.map((space) => v2Space(space, CLOUD));
    expect(spaces[0]).toEqual({
      id: '789012',
      key: 'TESTSPACE',
      name: 'Test Space',
      type: 'global',
      status: 'current',
      url: 'https://example.atlassian.net/wiki/spaces/TESTSPACE',
    });
  });

  it('builds a space URL from the key when the listing has no links (xsoar v2 spaces)', () => {
    const spaces = fixture<Listing<V2Space>>('xsoar-space_list_v2_command_response.json').results;
    expect(v2Space(spaces[1], CLOUD).url).toBe('https://example.atlassian.net/wiki/spaces/DEV');
  });

  it('maps page listings (PAGE_RESULT_LIST)', () => {
    const pages = apa<Listing<V2Page>>('PAGE_RESULT_LIST').results.map((page) => v2PageSummary(page, CLOUD));
    expect(pages).toEqual([
      {
        id: '123456',
        title: 'Test Page',
        parentId: '654321',
        version: 1,
        updatedAt: '2023-08-01T12:00:00Z',
        url: 'https://example.atlassian.net/wiki/spaces/TESTSPACE/pages/123456/Test+Page',
      },
      {
        id: '345678',
        title: 'Another Page',
        parentId: undefined,
        version: 0,
        updatedAt: undefined,
        url: 'https://example.atlassian.net/wiki/spaces/TESTSPACE/pages/345678/Another+Page',
      },
    ]);
  });

  it('maps child listings without links or versions, using the known parent (docToolchain v2 children)', () => {
    const listing = fixture<Listing<V2Page>>('dtc-apiV2-ancestorId.json');
    expect(v2PageSummary(listing.results[0], CLOUD, '90480224')).toEqual({
      id: '183954870',
      title: 'page 1',
      parentId: '90480224',
      version: 0,
      updatedAt: undefined,
      url: 'https://example.atlassian.net/wiki/pages/viewpage.action?pageId=183954870',
    });
  });

  it('uses the listing base from xsoar page lists', () => {
    const listing = fixture<Listing<V2Page>>('xsoar-page_list_command_response.json');
    const summary = v2PageSummary(listing.results[1], listing._links!.base!);
    expect(summary).toMatchObject({ id: '67890', version: 2, url: 'https://dummy.atlassian.com/wiki/pages/viewpage.action?pageId=67890' });
  });

  it('maps labels (LABELS_RESULT)', () => {
    expect(apa<Listing<V2Label>>('LABELS_RESULT').results.map(v2Label)).toEqual([
      { name: 'test-label', prefix: 'global' },
      { name: 'another-label', prefix: 'global' },
    ]);
  });

  it('maps attachments with absolute download URLs, from downloadLink or the canonical path', () => {
    const attachment: V2Attachment = {
      id: 'att1',
      title: 'report.pdf',
      mediaType: 'application/pdf',
      fileSize: 2048,
      createdAt: '2024-05-01T10:00:00.000Z',
      pageId: '123456',
      version: { number: 3 },
      downloadLink: '/download/attachments/123456/report.pdf?version=3&api=v2',
    };
    expect(v2Attachment(attachment, CLOUD)).toEqual({
      id: 'att1',
      title: 'report.pdf',
      mediaType: 'application/pdf',
      fileSize: 2048,
      version: 3,
      createdAt: '2024-05-01T10:00:00.000Z',
      downloadUrl: 'https://example.atlassian.net/wiki/download/attachments/123456/report.pdf?version=3&api=v2',
    });
    const withoutLink = v2Attachment({ ...attachment, downloadLink: undefined, title: 'a b.pdf' }, CLOUD);
    expect(withoutLink.downloadUrl).toBe('https://example.atlassian.net/wiki/download/attachments/123456/a%20b.pdf');
  });
});
