import os from 'node:os';

/** Describes the machine a run happened on, because benchmark figures mean nothing without it. */
export function describeMachine(): string {
  const cpus = os.cpus();
  const model = cpus[0]?.model.trim() ?? 'unknown CPU';
  const memoryGiB = (os.totalmem() / 1024 ** 3).toFixed(1);
  return `Node ${process.version}, ${cpus.length} × ${model}, ${memoryGiB} GiB RAM, ${os.type()} ${os.release()} (${os.arch()})`;
}
