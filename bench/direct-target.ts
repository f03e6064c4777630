import { Agent, request } from 'undici';
import { LoadCall } from './load-runner';

/** The floor: a keep-alive undici agent sized for the highest concurrency, like the server's own client. */
export function directAgent(connections: number): Agent {
  return new Agent({ connections, keepAliveTimeout: 30_000, pipelining: 1 });
}

/** A load call that makes the REST request itself (same URL, same auth) and reads the whole body. */
export function directCall(agent: Agent, url: string, authorization: string): LoadCall {
  const headers = { accept: 'application/json', authorization };
  return async () => {
    const response = await request(url, { dispatcher: agent, headers });
    const body = await response.body.text();
    if (response.statusCode !== 200) throw new Error(`GET ${url} → ${response.statusCode}: ${body.slice(0, 200)}`);
  };
}

/** The Basic header the server sends for Cloud credentials. */
export function basicAuth(username: string, apiToken: string): string {
  return `Basic ${Buffer.from(`${username}:${apiToken}`).toString('base64')}`;
}
