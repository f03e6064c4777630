import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { SEED } from '../test/sandbox/seed';
import { directCall } from './direct-target';
import { LoadCall, LoadPlan } from './load-runner';
import { describeMachine } from './machine';
import { mcpCall, ToolCall } from './mcp-target';
import { memorySnapshot, peakRssMiB } from './memory';
import { BenchReport, markdown, memoryTable, ratiosTable, resultsTable, totalErrors } from './report';
import { BenchRig, startRig } from './rig';
import { runScenario, ScenarioResult } from './scenario';
import { recordUpstreamUrl } from './upstream';

const TOOLS: ToolCall[] = [
  { name: 'confluence_get_page', arguments: { page_id: SEED.pages.labelled.id } },
  { name: 'confluence_search', arguments: { query: 'kafka', limit: 10 } },
];
const LEVELS: LoadPlan[] = [
  { concurrency: 1, maxCalls: 400, timeBudgetMs: 10_000 },
  { concurrency: 32, maxCalls: 2000, timeBudgetMs: 10_000 },
];
const WARMUP_CALLS = 50;
const CLIENTS = Math.max(...LEVELS.map((level) => level.concurrency));
const REPORT_PATH = resolve(__dirname, '../../docs/benchmarks.md');

const METHOD = [
  'Everything runs in one Node process on loopback (127.0.0.1): the Confluence sandbox (Cloud layout, seeded corpus), the real HTTP app from `createHttpApp` (LOG_LEVEL=silent; an API key on every request, an audit record per call to /dev/null, RATE_LIMIT=off), and the load generators.',
  `MCP path: ${CLIENTS} independent MCP SDK \`Client\`s over Streamable HTTP, each connected (initialized) once; at concurrency N, N of them call in closed loops.`,
  'Direct path (the floor): the exact REST request the tool makes — captured from the sandbox request log after one tool call — sent with an undici `Agent` (keep-alive), the same Basic auth header and the same concurrency; the body is read in full.',
  `\`confluence_get_page\` reads page ${SEED.pages.labelled.id} ("${SEED.pages.labelled.title}", labels, ancestors, markdown output) → \`GET /wiki/rest/api/content/{id}?expand=…\`; \`confluence_search\` runs \`{ query: "kafka", limit: 10 }\` → \`GET /wiki/rest/api/search?cql=siteSearch ~ "kafka"&limit=10&expand=…\`.`,
  `Each scenario first makes ${WARMUP_CALLS} uncounted warm-up calls at its concurrency, then runs until ${LEVELS.map((l) => `${l.maxCalls} calls at c=${l.concurrency}`).join(' / ')} or ${LEVELS[0].timeBudgetMs / 1000} s, whichever comes first. Latency is per call (ms, nearest-rank percentiles); calls/s is successful calls over the measured wall time.`,
  'The MCP figures include the client side too (MCP SDK `Client`: global fetch, SSE/JSON parsing, ajv validation of `structuredContent` against the tool\'s output schema), which shares the CPU with the server and the sandbox; the floor has only undici and the sandbox.',
  'Every MCP result is checked for `isError` and every direct response for HTTP 200; failures are counted and make the bench exit non-zero.',
  'An MCP-only `ping` row (no tool, no Confluence call) shows the protocol floor every call pays: in stateless mode mcp-nest builds a fresh MCP server (and the SDK a fresh Ajv instance) for each request.',
];

/** MCP requests that never reach Confluence: what every call pays before any tool work. */
const PROTOCOL_FLOOR: { tool: string; call: (rig: BenchRig) => LoadCall }[] = [
  { tool: 'ping (MCP floor)', call: (rig) => async (worker) => void (await rig.clients[worker].ping()) },
];

/** Measures one tool on both paths at every concurrency level; direct first so the floor is never the warmer one. */
async function measureTool(rig: BenchRig, tool: ToolCall): Promise<ScenarioResult[]> {
  const viaMcp = mcpCall(rig.clients, tool);
  const url = await recordUpstreamUrl(rig.sandbox, () => viaMcp(0));
  const viaRest = directCall(rig.agent, url, rig.authorization);
  const results: ScenarioResult[] = [];
  for (const plan of LEVELS) {
    results.push(await runAndLog({ tool: tool.name, mode: 'direct', plan, call: viaRest }, rig));
    results.push(await runAndLog({ tool: tool.name, mode: 'mcp', plan, call: viaMcp }, rig));
  }
  return results;
}

async function runAndLog(spec: Parameters<typeof runScenario>[0], rig: BenchRig): Promise<ScenarioResult> {
  const result = await runScenario(spec, WARMUP_CALLS);
  rig.sandbox.clearRequests();
  const { p50, p99 } = result.stats;
  console.log(`${spec.tool} c=${spec.plan.concurrency} ${spec.mode}: ${result.stats.count} calls, ${result.callsPerSecond.toFixed(0)}/s, p50 ${p50.toFixed(2)} ms, p99 ${p99.toFixed(2)} ms, errors ${result.errors}`);
  if (result.firstError) console.error(`  first error: ${result.firstError}`);
  return result;
}

/** Starts everything, measures, reports, shuts down; exits non-zero when any call failed. */
async function main(): Promise<void> {
  const rig = await startRig(CLIENTS);
  const memoryBefore = memorySnapshot();
  const results: ScenarioResult[] = [];
  let memoryAfter = memoryBefore;
  try {
    for (const tool of TOOLS) results.push(...(await measureTool(rig, tool)));
    for (const floor of PROTOCOL_FLOOR) {
      for (const plan of LEVELS) results.push(await runAndLog({ tool: floor.tool, mode: 'mcp', plan, call: floor.call(rig) }, rig));
    }
    memoryAfter = memorySnapshot();
  } finally {
    await rig.close();
  }
  const report: BenchReport = {
    date: new Date().toISOString(), command: 'npm run bench', machine: describeMachine(), method: METHOD,
    results, memoryBefore, memoryAfter, peakRssMiB: peakRssMiB(),
  };
  print(report);
  writeFileSync(REPORT_PATH, markdown(report));
  console.log(`\nWrote ${REPORT_PATH}`);
  if (totalErrors(results) > 0) process.exitCode = 1;
}

function print(report: BenchReport): void {
  console.log(`\n${report.machine}\n\n${resultsTable(report.results)}\n\n${ratiosTable(report.results)}\n\n${memoryTable(report)}`);
  console.log(`peak RSS ${report.peakRssMiB.toFixed(1)} MiB`);
  const errors = totalErrors(report.results);
  if (errors > 0) console.error(`\n!!! ${errors} CALLS FAILED — THIS BENCH RUN IS NOT VALID !!!`);
}

main().catch((error: unknown) => {
  console.error('bench failed:', error);
  process.exitCode = 1;
});
