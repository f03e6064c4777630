/** Latency summary of one scenario, in milliseconds; what the benchmark table reports. */
export interface LatencyStats {
  count: number;
  mean: number;
  p50: number;
  p99: number;
  max: number;
}

/** Summarises latency samples (ms) with nearest-rank percentiles, so p99 is a latency that really occurred. */
export function summarize(samplesMs: readonly number[]): LatencyStats {
  if (samplesMs.length === 0) return { count: 0, mean: 0, p50: 0, p99: 0, max: 0 };
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const total = sorted.reduce((sum, value) => sum + value, 0);
  return {
    count: sorted.length,
    mean: total / sorted.length,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1],
  };
}

/** Nearest-rank percentile of an ascending array; exported so the rank rule can be checked in isolation. */
export function percentile(sortedAsc: readonly number[], p: number): number {
  const rank = Math.ceil((p / 100) * sortedAsc.length);
  return sortedAsc[Math.min(sortedAsc.length, Math.max(1, rank)) - 1];
}
