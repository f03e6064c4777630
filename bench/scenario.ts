import { LatencyStats, summarize } from './latency-stats';
import { LoadCall, LoadPlan, runLoad } from './load-runner';

/** How a call reaches Confluence: through the MCP server, or straight to REST (the floor). */
export type Mode = 'mcp' | 'direct';

/** The measured outcome of one (tool, concurrency, mode) scenario. */
export interface ScenarioResult {
  tool: string;
  concurrency: number;
  mode: Mode;
  stats: LatencyStats;
  callsPerSecond: number;
  errors: number;
  firstError?: string;
}

/** One thing to measure: a labelled load call at a concurrency. */
export interface ScenarioSpec {
  tool: string;
  mode: Mode;
  plan: LoadPlan;
  call: LoadCall;
}

/** Warms up (uncounted, at the same concurrency), then runs the bounded measured load. */
export async function runScenario(spec: ScenarioSpec, warmupCalls: number): Promise<ScenarioResult> {
  const warmup = await runLoad({ ...spec.plan, maxCalls: warmupCalls, timeBudgetMs: 30_000 }, spec.call);
  const measured = await runLoad(spec.plan, spec.call);
  const errors = warmup.errors + measured.errors;
  return {
    tool: spec.tool,
    concurrency: spec.plan.concurrency,
    mode: spec.mode,
    stats: summarize(measured.samplesMs),
    callsPerSecond: (measured.samplesMs.length / measured.elapsedMs) * 1000,
    errors,
    firstError: warmup.firstError ?? measured.firstError,
  };
}
