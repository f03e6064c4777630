/** Prometheus metric names; snake_case, counters end in `_total`, units in the name. */
export const TOOL_CALLS_TOTAL = 'mcp_tool_calls_total';
export const TOOL_DURATION_SECONDS = 'mcp_tool_duration_seconds';
export const CONFLUENCE_REQUESTS_TOTAL = 'confluence_requests_total';
export const CONFLUENCE_REQUEST_DURATION_SECONDS = 'confluence_request_duration_seconds';
