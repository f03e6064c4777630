import { INestApplication, INestApplicationContext, NestApplicationOptions } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { adminEdgeMiddleware, mcpEdgeMiddleware } from './auth/mcp-edge.middleware';
import { StderrConsoleLogger } from './common/stderr-console.logger';
import { rejectDeepJson } from './common/json-depth';
import { AppConfig } from './config/app-config';
import { bodyErrorHandler } from './http/body-errors';
import { corsOptions } from './http/cors-options';
import { securityHeaders } from './http/security-headers';
import { httpsOptions } from './http/tls-options';
import { MCP_PATH } from './server-info';

/**
 * Start-up options for both transports: logs are buffered until pino is attached,
 * anything printed before that goes to stderr, and a failing start-up throws
 * to the caller instead of Nest exiting on its own.
 */
function startupOptions(): NestApplicationOptions {
  return { bufferLogs: true, abortOnError: false, logger: new StderrConsoleLogger() };
}

/**
 * Builds the HTTP service (Streamable HTTP at /mcp, health, metrics); the caller decides when to listen.
 * Every response passes the security headers first, then CORS (when configured); `/mcp` then checks Host,
 * Origin and the API key before any body is read; then the body limit (MCP_MAX_BODY_BYTES, answered with
 * a JSON 413), over HTTPS when TLS files are configured.
 */
export async function createHttpApp(config: AppConfig): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    ...startupOptions(),
    bodyParser: false,
    httpsOptions: httpsOptions(config.http),
  });
  app.disable('x-powered-by');
  if (config.http.trustProxy !== undefined) app.set('trust proxy', config.http.trustProxy);
  app.use(...securityHeaders(config.http));
  const cors = corsOptions(config.http);
  if (cors) app.enableCors(cors);
  app.use(`/${MCP_PATH}`, ...mcpEdgeMiddleware(app));
  app.use('/admin', ...adminEdgeMiddleware(app));
  app.useBodyParser('json', { limit: config.http.maxBodyBytes, verify: rejectDeepJson() });
  app.use(bodyErrorHandler(config.http.maxBodyBytes));
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  return app;
}

/**
 * Builds the stdio service: no HTTP listener at all, MCP on stdin/stdout, and
 * every log line on stderr so stdout carries nothing but JSON-RPC.
 */
export async function createStdioApp(config: AppConfig): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), startupOptions());
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  return app;
}
