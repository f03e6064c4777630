import 'reflect-metadata';
import { Logger } from 'nestjs-pino';
import { createHttpApp, createStdioApp } from './app.factory';
import { AppConfig } from './config/app-config';
import { InvalidEnvironmentError } from './config/environment';
import { loadAppConfig } from './config/load-app-config';

/** Entry point: validates the configuration, then starts exactly one transport. */
async function bootstrap(): Promise<void> {
  const config = await loadAppConfig();
  if (config.mcp.transport === 'stdio') {
    const app = await createStdioApp(config);
    process.stdin.once('end', () => {
      app.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
    return;
  }
  const app = await createHttpApp(config);
  await app.listen(config.mcp.port, config.mcp.host);
  app.get(Logger).log(`MCP server listening on ${mcpUrl(await app.getUrl(), config)}`, 'Bootstrap');
}

function mcpUrl(url: string, config: AppConfig): string {
  return `${url.replace('[::1]', 'localhost')}/mcp (Confluence ${config.confluence.connection.deployment}: ${config.confluence.connection.baseUrl})`;
}

bootstrap().catch((error: unknown) => {
  if (error instanceof InvalidEnvironmentError) {
    process.stderr.write(`${error.message}\nSee .env.example for every setting.\n`);
  } else {
    process.stderr.write(`Failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  }
  process.exit(1);
});
