import { performance } from 'node:perf_hooks';

/** How much load one scenario applies: stops at `maxCalls` or `timeBudgetMs`, whichever comes first. */
export interface LoadPlan {
  concurrency: number;
  maxCalls: number;
  timeBudgetMs: number;
}

/** One call under load; `worker` picks the worker's own client. Throws (or rejects) when the call failed. */
export type LoadCall = (worker: number) => Promise<void>;

/** Raw outcome of a load run: per-call latencies, failures and wall time. */
export interface LoadResult {
  samplesMs: number[];
  errors: number;
  firstError?: string;
  elapsedMs: number;
}

/** Runs `plan.concurrency` closed-loop workers that share one call budget and one deadline, so every run is bounded. */
export async function runLoad(plan: LoadPlan, call: LoadCall): Promise<LoadResult> {
  const state: LoadResult = { samplesMs: [], errors: 0, elapsedMs: 0 };
  const started = performance.now();
  const deadline = started + plan.timeBudgetMs;
  let issued = 0;
  const worker = async (index: number): Promise<void> => {
    while (issued < plan.maxCalls && performance.now() < deadline) {
      issued += 1;
      await timeOne(call, index, state);
    }
  };
  await Promise.all(Array.from({ length: plan.concurrency }, (_, index) => worker(index)));
  state.elapsedMs = performance.now() - started;
  return state;
}

async function timeOne(call: LoadCall, worker: number, state: LoadResult): Promise<void> {
  const start = performance.now();
  try {
    await call(worker);
    state.samplesMs.push(performance.now() - start);
  } catch (error) {
    state.errors += 1;
    state.firstError ??= error instanceof Error ? error.message : String(error);
  }
}
