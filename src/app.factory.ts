import { INestApplication, INestApplicationContext, NestApplicationOptions } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { StderrConsoleLogger } from './common/stderr-console.logger';
import { AppConfig } from './config/app-config';

/**
 * Start-up options for both transports: logs are buffered until pino is attached,
 * anything printed before that goes to stderr, and a failing start-up throws
 * to the caller instead of Nest exiting on its own.
 */
function startupOptions(): NestApplicationOptions {
  return { bufferLogs: true, abortOnError: false, logger: new StderrConsoleLogger() };
}

/** Builds the HTTP service (Streamable HTTP at /mcp, health, metrics); the caller decides when to listen. */
export async function createHttpApp(config: AppConfig): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), startupOptions());
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
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
