import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuditRecord } from '../src/audit/audit-record';
import { SEED } from './sandbox/seed';
import { apiKeysEnv, testKey, TestKey } from './support/api-keys';
import { postMcp, toolCallBody } from './support/raw-mcp';
import { useBareSandboxApp } from './support/bare-app';

const writer = testKey('team-writer', 'Team Writer', ['read', 'write']);
const reader = testKey('team-reader', 'Team Reader', ['read']);
const ops = testKey('ops', 'Operations', ['read', 'admin']);
const auditFile = join(mkdtempSync(join(tmpdir(), 'audit-e2e-')), 'audit.log');

type CallResult = { result?: { isError?: boolean; structuredContent?: Record<string, unknown> }; error?: { code: number } };

describe('audit trail (one record per tool call)', () => {
  const { baseUrl } = useBareSandboxApp('cloud', { MCP_API_KEYS: apiKeysEnv(writer, reader, ops), AUDIT_LOG_FILE: auditFile });
  let nextId = 1;

  const fileRecords = (): (AuditRecord & { audit: boolean; level: number })[] =>
    readFileSync(auditFile, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));

  /** Makes one raw tools/call and returns the answer with the audit records it left (file and ring). */
  async function audited(key: TestKey, tool: string, args: unknown, headers: Record<string, string> = {}) {
    const before = fileRecords().length;
    const id = nextId++;
    const answer = await postMcp(baseUrl(), toolCallBody(id, tool, args), { authorization: `Bearer ${key.key}`, ...headers });
    const records = fileRecords().slice(before);
    const ring = await adminGet('/admin/audit?limit=1');
    return { id, answer: answer.json as CallResult, records, newest: ((await ring.json()) as { records: AuditRecord[] }).records[0] };
  }

  const adminGet = (path: string, key: TestKey | null = ops) =>
    fetch(`${baseUrl()}${path}`, { headers: key ? { 'x-api-key': key.key } : {} });

  const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

  it('records a successful read with who, which request, what and how long', async () => {
    const { id, records, newest } = await audited(writer, 'confluence_get_page', { page_id: SEED.pages.home.id }, { 'x-request-id': 'req-audit-1' });
    expect(records).toHaveLength(1);
    const [record] = records;
    expect(record).toMatchObject({
      audit: true,
      requestId: 'req-audit-1',
      jsonRpcId: id,
      transport: 'http',
      client: { id: 'team-writer', name: 'Team Writer', actingAs: 'deployment', connection: 'default' },
      tool: 'confluence_get_page',
      outcome: 'success',
      targets: { pageId: SEED.pages.home.id, spaceKey: 'DEMO' },
    });
    expect(record.errorKind).toBeUndefined();
    expect(record.durationMs).toBeGreaterThanOrEqual(0);
    expect(Date.parse(record.timestamp)).toBeGreaterThan(Date.now() - 60_000);
    expect(record.versions).toBeUndefined();
    expect(newest).toEqual(withoutLogFields(record));
  });

  it('records an isError result with the Confluence error kind', async () => {
    const { answer, records } = await audited(writer, 'confluence_get_page', { page_id: '999999999' });
    expect(answer.result?.isError).toBe(true);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ outcome: 'error', errorKind: 'not_found', targets: { pageId: '999999999' } });
  });

  it('records arguments refused by validation, as sent', async () => {
    const { answer, records } = await audited(writer, 'confluence_get_page', { page_id: 'not-an-id', extra: [1, 2] });
    expect(answer.result?.isError).toBe(true);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      tool: 'confluence_get_page',
      outcome: 'invalid_arguments',
      errorKind: 'invalid_arguments',
      arguments: { page_id: 'not-an-id', extra: [1, 2] },
      client: { id: 'team-writer' },
    });
  });

  it('records an unknown tool under the name the client sent', async () => {
    const { id, answer, records } = await audited(writer, 'confluence_drop_everything', {}, { 'x-request-id': 'req-audit-unknown' });
    expect(answer.error?.code).toBe(-32601);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      tool: 'confluence_drop_everything',
      outcome: 'unknown_tool',
      jsonRpcId: id,
      requestId: 'req-audit-unknown',
      client: { id: 'team-writer' },
    });
  });

  it('records a tool the caller\'s scopes hide as refused by policy', async () => {
    const { answer, records } = await audited(reader, 'confluence_update_page', { page_id: SEED.pages.home.id, version: 1, body: 'x' });
    expect(answer.error?.code).toBe(-32601);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      tool: 'confluence_update_page',
      outcome: 'refused',
      errorKind: 'policy',
      client: { id: 'team-reader', name: 'Team Reader' },
      targets: { pageId: SEED.pages.home.id },
    });
  });

  it('records a write with the page version before and after, and the body only as length + SHA-256', async () => {
    const read = await audited(writer, 'confluence_get_page', { page_id: SEED.pages.howTo.id });
    const version = read.answer.result?.structuredContent?.version as number;
    const body = 'Audited *update* of the how-to page.';
    const { records } = await audited(writer, 'confluence_update_page', { page_id: SEED.pages.howTo.id, version, body });
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      outcome: 'success',
      targets: { pageId: SEED.pages.howTo.id },
      versions: { before: version, after: version + 1 },
      arguments: { body: { length: body.length, sha256: sha256(body) } },
    });
    expect(JSON.stringify(records[0])).not.toContain('Audited');
  });

  it('records a stale write as a conflict, with the version the page is at now', async () => {
    const read = await audited(writer, 'confluence_get_page', { page_id: SEED.pages.howTo.id });
    const current = read.answer.result?.structuredContent?.version as number;
    const { records } = await audited(writer, 'confluence_update_page', { page_id: SEED.pages.howTo.id, version: current - 1, body: 'stale' });
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ outcome: 'error', errorKind: 'conflict', versions: { before: current - 1, current } });
  });

  it('records what a create and an upload produced, and a dry run as such', async () => {
    const title = `Audit trail ${Date.now()}`;
    const created = await audited(writer, 'confluence_create_page', { space_key: 'DEMO', title, body: 'new' });
    const pageId = created.answer.result?.structuredContent?.id as string;
    expect(created.records[0]).toMatchObject({ targets: { pageId, spaceKey: 'DEMO' }, versions: { after: 1 } });

    const content = Buffer.from('audited attachment').toString('base64');
    const uploaded = await audited(writer, 'confluence_upload_attachment', { page_id: pageId, filename: 'a.txt', content_base64: content });
    expect(uploaded.records).toHaveLength(1);
    expect(uploaded.records[0]).toMatchObject({
      outcome: 'success',
      targets: { pageId, attachmentId: uploaded.answer.result?.structuredContent?.id },
      arguments: { content_base64: { length: content.length, sha256: sha256(content) } },
    });

    const dry = await audited(writer, 'confluence_delete_page', { page_id: pageId, dry_run: true });
    expect(dry.records[0]).toMatchObject({ outcome: 'success', dryRun: true, versions: {} });
  });

  it('has written exactly one line per call, every one a tagged JSON record', () => {
    const records = fileRecords();
    expect(records).toHaveLength(nextId - 1);
    expect(records.map((r) => r.jsonRpcId)).toEqual(Array.from({ length: nextId - 1 }, (_, i) => i + 1));
    for (const record of records) expect(record).toMatchObject({ audit: true, level: 30, service: 'confluence-mcp-server' });
  });

  describe('GET /admin/audit', () => {
    it('returns the most recent records, newest first, to an admin key', async () => {
      const response = await adminGet('/admin/audit?limit=3');
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
      const { records, capacity } = (await response.json()) as { records: AuditRecord[]; capacity: number };
      expect(capacity).toBe(1000);
      expect(records.map((r) => r.jsonRpcId)).toEqual([nextId - 1, nextId - 2, nextId - 3]);
    });

    it('defaults to 100 records', async () => {
      const { records } = (await (await adminGet('/admin/audit')).json()) as { records: AuditRecord[] };
      expect(records).toHaveLength(Math.min(100, nextId - 1));
    });

    it.each(['0', '1001', 'ten', '1.5', '-3', ''])('answers 400 to limit=%j', async (limit) => {
      const response = await adminGet(`/admin/audit?limit=${limit}`);
      expect(response.status).toBe(400);
    });

    it('refuses a caller without the admin scope, and one without a key', async () => {
      expect((await adminGet('/admin/audit', writer)).status).toBe(403);
      expect((await adminGet('/admin/audit', null)).status).toBe(401);
    });
  });
});

/** The ring holds the record itself; the file line adds pino's fields. */
function withoutLogFields(line: object): Record<string, unknown> {
  const { audit: _a, level: _l, time: _t, pid: _p, hostname: _h, service: _s, msg: _m, ...record } = line as Record<string, unknown>;
  return JSON.parse(JSON.stringify(record)) as Record<string, unknown>;
}
