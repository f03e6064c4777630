import { INestApplication } from '@nestjs/common';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { createHttpApp } from '../../src/app.factory';
import { AppConfig } from '../../src/config/app-config';

/** The real HTTP app listening on a loopback port, plus an MCP SDK client connected to it. */
export interface RunningApp {
  app: INestApplication;
  baseUrl: string;
  client: Client;
  close(): Promise<void>;
}

/**
 * Boots the real app on 127.0.0.1 (random port) and connects the official MCP client over Streamable HTTP,
 * sending `clientHeaders` (e.g. an API key) with every request.
 */
export async function startHttpApp(config: AppConfig, clientHeaders: Record<string, string> = {}): Promise<RunningApp> {
  const app = await createHttpApp(config);
  await app.listen(0, '127.0.0.1');
  const baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const client = await connectClient(`${baseUrl}/mcp`, clientHeaders);
  return {
    app,
    baseUrl,
    client,
    close: async () => {
      await client.close();
      await app.close();
    },
  };
}

/** A fresh MCP SDK client on a Streamable HTTP endpoint, sending `headers` (e.g. an API key) with every request. */
export async function connectClient(url: string, headers: Record<string, string> = {}): Promise<Client> {
  const client = new Client({ name: 'e2e-test', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers } }));
  return client;
}
