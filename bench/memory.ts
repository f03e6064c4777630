/** Process memory at one moment, in MiB; the bench reports it before and after the load. */
export interface MemorySnapshot {
  rssMiB: number;
  heapUsedMiB: number;
}

const MIB = 1024 * 1024;

/** Reads RSS and V8 heap used of this process (server, sandbox and clients all live in it). */
export function memorySnapshot(): MemorySnapshot {
  const usage = process.memoryUsage();
  return { rssMiB: usage.rss / MIB, heapUsedMiB: usage.heapUsed / MIB };
}

/** Peak RSS of the process so far, in MiB (`maxRSS` is in KiB). */
export function peakRssMiB(): number {
  return process.resourceUsage().maxRSS / 1024;
}
