/** One answer of `/mcp` to a hand-made request: the status, the headers and the body, parsed when it is JSON. */
export interface RawAnswer {
  status: number;
  headers: Headers;
  text: string;
  json?: unknown;
}

/** The headers a Streamable HTTP client sends with every POST, plus any given. */
export function mcpHeaders(extra: Record<string, string> = {}): Record<string, string> {
  return { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...extra };
}

/**
 * POSTs a raw body to `/mcp`, bypassing the MCP client, so a test controls
 * everything: the JSON-RPC id, malformed envelopes, headers such as X-Request-Id.
 */
export async function postMcp(baseUrl: string, body: string, headers: Record<string, string> = {}, timeoutMs = 10_000): Promise<RawAnswer> {
  const response = await fetch(`${baseUrl}/mcp`, {
    method: 'POST',
    headers: mcpHeaders(headers),
    body,
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: parseJson(text) };
}

/** A `tools/call` request with the given JSON-RPC id. */
export function toolCallBody(id: string | number, name: string, args: unknown): string {
  return JSON.stringify({ jsonrpc: '2.0', id, method: 'tools/call', params: { name, arguments: args } });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
