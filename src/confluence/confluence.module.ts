import { Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { MetricsModule } from '../metrics/metrics.module';
import { SERVER_NAME, SERVER_VERSION } from '../server-info';
import { CONFLUENCE_CLIENT_OPTIONS, ConfluenceClientOptions } from './confluence-client.options';
import { ConfluenceApiFactory } from './confluence-api.factory';
import { ConfluenceHttpClient } from './confluence-http.client';

/** One request, retries included, must finish well before an MCP client's own 60 s request timeout. */
const MAX_DEADLINE_MS = 45_000;

function clientOptions(config: AppConfig): ConfluenceClientOptions {
  const { timeoutMs, maxRetries } = config.confluence;
  return {
    timeoutMs,
    maxRetries,
    retryBaseMs: 250,
    retryMaxDelayMs: 10_000,
    deadlineMs: Math.max(timeoutMs, Math.min(Math.max(timeoutMs * (maxRetries + 1), 30_000), MAX_DEADLINE_MS)),
    userAgent: `${SERVER_NAME}/${SERVER_VERSION}`,
  };
}

/** The Confluence REST client and the per-deployment APIs built on it. */
@Module({
  imports: [MetricsModule],
  providers: [
    { provide: CONFLUENCE_CLIENT_OPTIONS, useFactory: clientOptions, inject: [AppConfig] },
    ConfluenceHttpClient,
    ConfluenceApiFactory,
  ],
  exports: [ConfluenceApiFactory, ConfluenceHttpClient],
})
export class ConfluenceModule {}
