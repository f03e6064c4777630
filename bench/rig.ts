import { INestApplication } from '@nestjs/common';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { Agent } from 'undici';
import { createHttpApp } from '../src/app.factory';
import { ConfluenceSandbox } from '../test/sandbox/confluence-sandbox';
import { testKey } from '../test/support/api-keys';
import { sandboxConfig } from '../test/support/test-config';
import { basicAuth, directAgent } from './direct-target';
import { connectClients } from './mcp-target';

/** Everything the bench talks to, all on loopback in this process, with one way to shut it all down. */
export interface BenchRig {
  sandbox: ConfluenceSandbox;
  app: INestApplication;
  clients: Client[];
  agent: Agent;
  authorization: string;
  close(): Promise<void>;
}

/**
 * The production path: an API key checked on every request and an audit record per call (to /dev/null,
 * so disk speed is not measured); the rate limit is off so the bench measures throughput, not the limiter.
 */
function benchEnv(keyEntry: string): Record<string, string> {
  return { LOG_LEVEL: 'silent', MCP_API_KEYS: keyEntry, RATE_LIMIT: 'off', AUDIT_LOG_FILE: '/dev/null' };
}

/** Starts the Cloud-layout sandbox, the real HTTP app pointed at it, `clientCount` MCP clients and the floor's agent. */
export async function startRig(clientCount: number): Promise<BenchRig> {
  const sandbox = new ConfluenceSandbox();
  await sandbox.start(0, '127.0.0.1');
  const key = testKey('bench', 'Bench', ['read']);
  const app = await createHttpApp(sandboxConfig(sandbox, 'cloud', benchEnv(key.entry)));
  await app.listen(0, '127.0.0.1');
  const baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const clients = await connectClients(`${baseUrl}/mcp`, clientCount, { authorization: `Bearer ${key.key}` });
  const agent = directAgent(clientCount);
  const { username, apiToken } = sandbox.credentials;
  const close = async () => {
    await Promise.all(clients.map((client) => client.close()));
    await agent.close();
    await app.close();
    await sandbox.stop();
  };
  return { sandbox, app, clients, agent, authorization: basicAuth(username, apiToken), close };
}
