import { Global, MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { ApiKeyGuard } from './api-key.guard';
import { ApiKeyMiddleware } from './api-key.middleware';
import { ApiKeyRegistry } from './api-key.registry';
import { AuthStartupReport } from './auth-startup.report';
import { CallerResolver } from './caller.resolver';
import { HostMiddleware } from './host.middleware';
import { MetricsTokenMiddleware } from './metrics-token.middleware';
import { OriginMiddleware } from './origin.middleware';
import { AdminScopeGuard, ScopesGuard } from './require-scopes.decorator';
import { UserCredentials } from './user-credentials';

/**
 * Who may call `/mcp`: Host and Origin checks, then the API key — all three run
 * before the request body is read (see `mcpEdgeMiddleware`), and the guard on the MCP
 * controller finds the caller attached; the METRICS_TOKEN check on `/metrics`;
 * and `RequireScopes` for admin endpoints. Global so mcp-nest's controller (and
 * any module's `@RequireScopes`) can resolve the guards.
 */
@Global()
@Module({
  providers: [
    CallerResolver,
    ApiKeyRegistry,
    UserCredentials,
    ApiKeyGuard,
    ScopesGuard,
    AdminScopeGuard,
    AuthStartupReport,
    HostMiddleware,
    OriginMiddleware,
    ApiKeyMiddleware,
  ],
  exports: [CallerResolver, ApiKeyRegistry, UserCredentials, ApiKeyGuard, ScopesGuard, AdminScopeGuard],
})
export class AuthModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(MetricsTokenMiddleware).forRoutes({ path: 'metrics', method: RequestMethod.ALL });
  }
}
