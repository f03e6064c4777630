import { resolve } from 'node:path';
import { createHttpApp } from '../src/app.factory';
import { AppConfig } from '../src/config/app-config';
import { validateEnvironment } from '../src/config/environment';
import { ConfluenceSandbox } from '../test/sandbox/confluence-sandbox';

/**
 * The demo: the embedded Confluence sandbox plus the MCP server pointed at it,
 * then instructions for connecting the common MCP clients.
 */
async function main(): Promise<void> {
  const sandboxPort = Number(process.env.SANDBOX_PORT ?? 8090);
  const mcpPort = Number(process.env.MCP_PORT ?? 3000);
  const sandbox = new ConfluenceSandbox();
  await sandbox.start(sandboxPort);
  const env = {
    CONFLUENCE_URL: sandbox.cloudUrl,
    CONFLUENCE_DEPLOYMENT: 'cloud',
    CONFLUENCE_USERNAME: 'sandbox@example.com',
    CONFLUENCE_API_TOKEN: 'sandbox-api-token',
    MCP_TRANSPORT: 'http',
    MCP_HOST: '127.0.0.1',
    MCP_PORT: String(mcpPort),
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    LOG_FORMAT: 'pretty',
  };
  const app = await createHttpApp(AppConfig.fromEnvironment(validateEnvironment(env)));
  await app.listen(mcpPort, '127.0.0.1');
  process.stdout.write(instructions(`http://127.0.0.1:${mcpPort}`, sandbox));
  const stop = async () => {
    await app.close();
    await sandbox.stop();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

function instructions(server: string, sandbox: ConfluenceSandbox): string {
  const mcp = `${server}/mcp`;
  const main = resolve(__dirname, '../src/main.js');
  const stdioEnv = {
    MCP_TRANSPORT: 'stdio',
    CONFLUENCE_URL: sandbox.cloudUrl,
    CONFLUENCE_USERNAME: 'sandbox@example.com',
    CONFLUENCE_API_TOKEN: 'sandbox-api-token',
  };
  return `
Confluence MCP server demo is running.

  MCP endpoint (Streamable HTTP): ${mcp}
  Confluence sandbox:             ${sandbox.cloudUrl} (Cloud layout), ${sandbox.dataCenterUrl} (Data Center layout)
  Health:                         ${server}/health/ready      Metrics: ${server}/metrics

Connect a client:
  Claude Code     claude mcp add --transport http confluence ${mcp}
  Cursor          .cursor/mcp.json   {"mcpServers": {"confluence": {"url": "${mcp}"}}}
  VS Code         .vscode/mcp.json   {"servers": {"confluence": {"type": "http", "url": "${mcp}"}}}
  MCP Inspector   npx @modelcontextprotocol/inspector   then choose "Streamable HTTP", enter ${mcp}, connect via proxy
  Claude Desktop  (stdio) add to claude_desktop_config.json:
    {"mcpServers": {"confluence": {"command": "node", "args": ["${main}"],
      "env": ${JSON.stringify(stdioEnv)}}}}

Try: confluence_list_spaces, then confluence_search with {"query": "kafka"}.
Press Ctrl+C to stop.
`;
}

main().catch((error: unknown) => {
  process.stderr.write(`Demo failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
