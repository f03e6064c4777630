import { DynamicModule, Module } from '@nestjs/common';
import { McpModule, McpTransportType } from '@rekog/mcp-nest';
import { LoggerModule } from 'nestjs-pino';
import { ApiKeyGuard } from './auth/api-key.guard';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { policyFromConfig } from './auth/policy-from-config';
import { loggerOptions } from './common/logger.options';
import { AppConfig } from './config/app-config';
import { AppConfigModule } from './config/app-config.module';
import { ConfluenceModule } from './confluence/confluence.module';
import { HealthModule } from './health/health.module';
import { HttpEdgeModule } from './http/http-edge.module';
import { MetricsModule } from './metrics/metrics.module';
import { RateLimitGuard } from './rate-limit/rate-limit.guard';
import { RateLimitModule } from './rate-limit/rate-limit.module';
import { CancellationScope } from './common/cancellation-scope';
import { RejectedToolCalls } from './common/rejected-tool-calls';
import { ToolCallHooks, ToolCallHooksModule } from './common/tool-call-hooks.module';
import { toolServerMutator } from './tools/tool-server.mutator';
import { ToolsModule } from './tools/tools.module';
import { ResourcesModule } from './resources/resources.module';
import { MCP_PATH, SERVER_NAME, SERVER_VERSION } from './server-info';

/**
 * The whole service, built for one validated configuration. The transport is
 * chosen here, explicitly, so exactly one is active per process.
 */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    const hooks: ToolCallHooks = { cancellation: new CancellationScope(), rejections: new RejectedToolCalls() };
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(config),
        LoggerModule.forRoot(loggerOptions(config)),
        AuthModule,
        MetricsModule,
        ConfluenceModule,
        ToolCallHooksModule.forRoot(hooks),
        ToolsModule,
        AuditModule,
        ResourcesModule,
        HealthModule,
        ...(config.mcp.transport === 'http' ? [HttpEdgeModule, RateLimitModule.forRoot(config)] : []),
        McpModule.forRoot({
          name: SERVER_NAME,
          version: SERVER_VERSION,
          instructions:
            'Tools for reading and changing Confluence. Start with confluence_search or confluence_list_spaces, then read pages ' +
            'with confluence_get_page. To change a page, send the version you read to confluence_update_page (or ' +
            'confluence_update_page_section) and keep every {{confluence:macro … #n}} line of the markdown as it is; use ' +
            'dry_run to preview any write. Pages are also readable as resources: confluence://page/{page_id}.',
          transport: config.mcp.transport === 'stdio' ? McpTransportType.STDIO : McpTransportType.STREAMABLE_HTTP,
          mcpEndpoint: MCP_PATH,
          streamableHttp: { statelessMode: true, enableJsonResponse: true, sessionIdGenerator: undefined },
          // In this order: the rate limit counts against the caller the API-key guard resolved.
          guards: config.mcp.transport === 'http' ? [ApiKeyGuard, RateLimitGuard] : [],
          serverMutator: toolServerMutator(hooks, policyFromConfig(config)),
          logging: { level: ['error', 'warn'] },
        }),
      ],
    };
  }
}
