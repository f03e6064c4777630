import { MemorySnapshot } from './memory';
import { ScenarioResult } from './scenario';

/** Everything one bench run produced, for the console and for docs/benchmarks.md. */
export interface BenchReport {
  date: string;
  command: string;
  machine: string;
  method: string[];
  results: ScenarioResult[];
  memoryBefore: MemorySnapshot;
  memoryAfter: MemorySnapshot;
  peakRssMiB: number;
}

/** The results table, one row per scenario. */
export function resultsTable(results: readonly ScenarioResult[]): string {
  const header = ['tool', 'concurrency', 'path', 'calls', 'calls/s', 'p50 ms', 'p99 ms', 'mean ms', 'errors'];
  const rows = results.map((r) => [
    r.tool, String(r.concurrency), r.mode === 'mcp' ? 'MCP (Streamable HTTP)' : 'direct REST (undici)',
    String(r.stats.count), r.callsPerSecond.toFixed(0), ms(r.stats.p50), ms(r.stats.p99), ms(r.stats.mean), String(r.errors),
  ]);
  return table(header, rows);
}

/** Server overhead per (tool, concurrency): how much slower and how much less throughput MCP is than the floor. */
export function ratiosTable(results: readonly ScenarioResult[]): string {
  const header = ['tool', 'concurrency', 'MCP p50 / direct p50', 'direct calls/s / MCP calls/s', 'p50 added by server (ms)'];
  const rows = results
    .filter((r) => r.mode === 'mcp')
    .map((mcp) => [mcp, results.find((d) => d.mode === 'direct' && d.tool === mcp.tool && d.concurrency === mcp.concurrency)] as const)
    .filter((pair): pair is readonly [ScenarioResult, ScenarioResult] => pair[1] !== undefined)
    .map(([mcp, direct]) => [
      mcp.tool, String(mcp.concurrency), ratio(mcp.stats.p50, direct.stats.p50),
      ratio(direct.callsPerSecond, mcp.callsPerSecond), ms(mcp.stats.p50 - direct.stats.p50),
    ]);
  return table(header, rows);
}

/** Memory of the whole bench process before and after the measured load. */
export function memoryTable(report: BenchReport): string {
  const row = (label: string, m: MemorySnapshot) => [label, m.rssMiB.toFixed(1), m.heapUsedMiB.toFixed(1)];
  return table(['when', 'RSS MiB', 'heap used MiB'], [row('before load', report.memoryBefore), row('after load', report.memoryAfter)]);
}

/** The total number of failed calls; any at all makes the run invalid. */
export function totalErrors(results: readonly ScenarioResult[]): number {
  return results.reduce((sum, r) => sum + r.errors, 0);
}

/** The full docs/benchmarks.md page. */
export function markdown(report: BenchReport): string {
  const errors = totalErrors(report.results);
  return [
    '# Benchmarks',
    '',
    errors > 0 ? `> **THIS RUN HAD ${errors} FAILED CALLS — THE FIGURES BELOW ARE NOT VALID.**\n` : undefined,
    `- Date: ${report.date}`,
    `- Command: \`${report.command}\``,
    `- Machine: ${report.machine}`,
    '',
    '## Method',
    '',
    ...report.method.map((line) => `- ${line}`),
    '',
    '## Results',
    '',
    resultsTable(report.results),
    '',
    '## Server overhead',
    '',
    ratiosTable(report.results),
    '',
    '## Memory',
    '',
    memoryTable(report),
    '',
    `Peak RSS of the process during the run: ${report.peakRssMiB.toFixed(1)} MiB. The server, the sandbox and all clients share this one process, so these figures are an upper bound for the server alone.`,
    '',
    '## Reading these numbers',
    '',
    'The machine is shared and noisy: absolute calls/s and latencies move from run to run, so the ratios between the MCP path and the direct floor measured in the same run matter more than the absolute numbers.',
    '',
  ].filter((line): line is string => line !== undefined).join('\n');
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

function ms(value: number): string {
  return value.toFixed(2);
}

function ratio(numerator: number, denominator: number): string {
  return denominator > 0 ? `${(numerator / denominator).toFixed(2)}×` : 'n/a';
}
