/** A JSON-RPC error answer with no request id: what the HTTP edge sends when it refuses a request before MCP sees it. */
export interface JsonRpcErrorBody {
  jsonrpc: '2.0';
  error: { code: number; message: string; data?: Record<string, unknown> };
  id: null;
}

/**
 * The body of every refusal at the `/mcp` edge (body too large, bad protocol
 * version, rate limited), so an MCP client can read each one the same way it
 * reads the SDK's own transport errors.
 */
export function jsonRpcError(code: number, message: string, data?: Record<string, unknown>): JsonRpcErrorBody {
  return { jsonrpc: '2.0', error: data ? { code, message, data } : { code, message }, id: null };
}
