import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { answerProblem, ToolCallEnd, toolCallEnd } from './support/json-rpc-shape';
import { rpcBody, toolCall, ToolSchema } from './support/fuzz-arbitraries';
import { postMcp, toolCallBody } from './support/raw-mcp';
import { useSandboxApp } from './support/sandbox-app';

/** Sequential runs of random bodies. */
const BODY_RUNS = 2_000;
/** Runs of tool calls, each sending CONCURRENT_CALLS at once (so calls also interleave inside the server). */
const TOOL_CALL_RUNS = 750;
const CONCURRENT_CALLS = 4;
/** An answer slower than this counts as a hang. */
const ANSWER_TIMEOUT_MS = 10_000;
/** About 35 s in all on an idle machine; the margin is for CI runners shared with other suites. */
const PROPERTY_TIMEOUT_MS = 180_000;

type AuditLine = { jsonRpcId?: unknown; tool: string };

/**
 * Throws random JSON-RPC bodies and random tool arguments at the real app over
 * HTTP. A scratch sandbox with writes enabled stands behind it, so write tools
 * are fuzzed too and whatever they change is thrown away with the sandbox.
 */
describe('fuzzing /mcp', () => {
  const auditFile = join(mkdtempSync(join(tmpdir(), 'fuzz-')), 'audit.log');
  const { running } = useSandboxApp('cloud', { RATE_LIMIT: 'off', AUDIT_LOG_FILE: auditFile, LOG_LEVEL: 'fatal' });
  const tried = { bodies: 0, toolCalls: 0 };
  const startedAt = Date.now();
  let tools: ToolSchema[] = [];

  const post = (body: string) => postMcp(running().baseUrl, body, {}, ANSWER_TIMEOUT_MS);
  const auditLines = (): AuditLine[] => readFileSync(auditFile, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));

  beforeAll(async () => {
    const listing = await post(JSON.stringify({ jsonrpc: '2.0', id: 0, method: 'tools/list' }));
    tools = (listing.json as { result: { tools: ToolSchema[] } }).result.tools;
  });

  afterAll(() => {
    const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
    process.stdout.write(
      `\nfuzz: ${tried.bodies + tried.toolCalls} inputs tried (${tried.bodies} JSON-RPC bodies, ${tried.toolCalls} tool calls over ${tools.length} tools) in ${seconds} s\n`,
    );
  });

  it('answers every random JSON-RPC body without a 5xx, with well-formed JSON-RPC', async () => {
    await fc.assert(
      fc.asyncProperty(rpcBody, async (body) => {
        tried.bodies++;
        const problem = answerProblem(await post(body));
        if (problem) throw new Error(problem);
      }),
      { numRuns: BODY_RUNS },
    );
  }, PROPERTY_TIMEOUT_MS);

  it('answers every random tool call with a tool result or a JSON-RPC error, and audits exactly the calls that reached the server', async () => {
    expect(tools.length).toBeGreaterThan(15);
    const ends: Record<ToolCallEnd, number> = { result: 0, unknown_tool: 0, invalid_params: 0, malformed_params: 0 };
    const audited = new Map<string, string>();
    const call = async ({ name, args }: { name: string; args: unknown }) => {
      const id = `fuzz-call-${++tried.toolCalls}`;
      const end = toolCallEnd(await post(toolCallBody(id, name, args)), id);
      if (!(end in ends)) throw new Error(`${name}: ${end}`);
      ends[end as ToolCallEnd]++;
      if (end === 'result' || end === 'unknown_tool') audited.set(id, name.slice(0, 200));
    };
    await fc.assert(
      fc.asyncProperty(fc.array(toolCall(tools), { minLength: CONCURRENT_CALLS, maxLength: CONCURRENT_CALLS }), async (calls) => {
        await Promise.all(calls.map(call));
      }),
      { numRuns: TOOL_CALL_RUNS },
    );
    process.stdout.write(`\nfuzz tool calls: ${JSON.stringify(ends)}\n`);
    expect(ends.result).toBeGreaterThan(tried.toolCalls / 2);

    const records = auditLines().filter((r) => typeof r.jsonRpcId === 'string' && r.jsonRpcId.startsWith('fuzz-call-'));
    expect(records).toHaveLength(audited.size);
    for (const record of records) expect(record.tool).toBe(audited.get(record.jsonRpcId as string));
  }, PROPERTY_TIMEOUT_MS);

  it('still answers afterwards', async () => {
    const ping = await post(JSON.stringify({ jsonrpc: '2.0', id: 'after', method: 'ping' }));
    expect(ping.json).toEqual({ jsonrpc: '2.0', id: 'after', result: {} });
    expect((await fetch(`${running().baseUrl}/health/live`)).status).toBe(200);
  });
});
