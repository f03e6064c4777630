/** How this server names itself to MCP clients and to Confluence, and where it serves MCP. */
export const SERVER_NAME = 'confluence-mcp-server';
export const SERVER_VERSION = '0.1.0';
export const MCP_PATH = 'mcp';
