import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';

/** A real redis-server (the Debian package) for one test file: loopback only, nothing persisted. */
export interface RedisServer {
  url: string;
  stop(): Promise<void>;
}

const READY = /Ready to accept connections/;
const START_ATTEMPTS = 3;

/**
 * Starts `redis-server` on a free loopback port chosen here, with persistence
 * off (`--save ''`, `--appendonly no`), and resolves once it accepts
 * connections. Retries with another port if one was taken in between.
 */
export async function startRedisServer(): Promise<RedisServer> {
  let lastError: unknown;
  for (let attempt = 0; attempt < START_ATTEMPTS; attempt++) {
    try {
      return await startOnPort(await freeLoopbackPort());
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

async function startOnPort(port: number): Promise<RedisServer> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (READY.test(output)) resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('error', (error) => reject(new Error(`cannot run redis-server (is the redis-server package installed?): ${error.message}`)));
    child.once('exit', (code) => reject(new Error(`redis-server exited with code ${code} before it was ready:\n${output}`)));
  });
  return { url: `redis://127.0.0.1:${port}`, stop: () => stop(child) };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  await exited;
}

/** A port nothing listens on right now: the OS picks one for a throwaway listener. */
export async function freeLoopbackPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no TCP port was assigned');
  return address.port;
}
