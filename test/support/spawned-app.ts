import { ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { builtMainPath, childEnv } from './built-app';

const LISTENING = /MCP server listening on (https?:\/\/[^\s/]+)\/mcp/;

/** The built server running as a child process, with everything it printed. */
export interface SpawnedApp {
  child: ChildProcessWithoutNullStreams;
  stdout(): string;
  stderr(): string;
  send(message: object): void;
  /** Ends the process (SIGTERM, or closing stdin under stdio) and waits for it to exit. */
  stop(how: 'SIGTERM' | 'stdin-end'): Promise<void>;
}

/** Spawns `dist/src/main.js` with exactly `env` (plus PATH and HOME), capturing stdout and stderr. */
export function spawnApp(env: Record<string, string>): SpawnedApp {
  const child = spawn(process.execPath, [builtMainPath()], { env: childEnv(env), stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  return {
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    send: (message) => child.stdin.write(`${JSON.stringify(message)}\n`),
    stop: async (how) => {
      if (child.exitCode === null && child.signalCode === null) {
        if (how === 'SIGTERM') child.kill('SIGTERM');
        else child.stdin.end();
      }
      await exited;
    },
  };
}

/** The base URL an HTTP-mode child reports once it listens. */
export function listeningUrl(app: SpawnedApp, timeoutMs = 20_000): Promise<string> {
  return waitFor(() => LISTENING.exec(app.stderr())?.[1], timeoutMs, () => `the server did not start:\n${app.stderr().slice(-2000)}`);
}

/** Polls until `read` returns a value. */
export async function waitFor<T>(read: () => T | undefined, timeoutMs: number, what: () => string = () => 'timed out'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(what());
    await new Promise((r) => setTimeout(r, 50));
  }
}
