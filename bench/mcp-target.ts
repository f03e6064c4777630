import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { LoadCall } from './load-runner';

/** One tool invocation the bench repeats: the tool name and its arguments. */
export interface ToolCall {
  name: string;
  arguments: Record<string, unknown>;
}

/** Connects `count` independent MCP SDK clients (one initialize each), as separate assistants would be, sending `headers` (the API key). */
export async function connectClients(url: string, count: number, headers: Record<string, string> = {}): Promise<Client[]> {
  const clients: Client[] = [];
  for (let i = 0; i < count; i += 1) {
    const client = new Client({ name: `bench-${i}`, version: '1.0.0' });
    await client.connect(new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers } }));
    clients.push(client);
  }
  return clients;
}

/** A load call that sends the tool call through worker N's own client and fails on an `isError` result. */
export function mcpCall(clients: readonly Client[], tool: ToolCall): LoadCall {
  return async (worker) => {
    const result = await clients[worker].callTool(tool);
    if (result.isError) throw new Error(`${tool.name} returned isError: ${firstText(result.content)}`);
  };
}

function firstText(content: unknown): string {
  if (!Array.isArray(content)) return '(no content)';
  const first: unknown = content[0];
  if (typeof first === 'object' && first !== null && 'text' in first) return String(first.text).slice(0, 200);
  return '(no text)';
}
