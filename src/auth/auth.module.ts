import { Global, MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { MCP_PATH } from '../server-info';
import { ApiKeyGuard } from './api-key.guard';
import { ApiKeyRegistry } from './api-key.registry';
import { AuthStartupReport } from './auth-startup.report';
import { CallerResolver } from './caller.resolver';
import { HostMiddleware } from './host.middleware';
import { MetricsTokenMiddleware } from './metrics-token.middleware';
import { OriginMiddleware } from './origin.middleware';
import { AdminScopeGuard, ScopesGuard } from './require-scopes.decorator';
import { UserCredentials } from './user-credentials';

/**
 * Who may call `/mcp`: Host and Origin checks at the HTTP edge, then the guard
 * that resolves the caller from its API key; the METRICS_TOKEN check on `/metrics`;
 * and `RequireScopes` for admin endpoints. Global so mcp-nest's controller (and
 * any module's `@RequireScopes`) can resolve the guards.
 */
@Global()
@Module({
  providers: [CallerResolver, ApiKeyRegistry, UserCredentials, ApiKeyGuard, ScopesGuard, AdminScopeGuard, AuthStartupReport],
  exports: [CallerResolver, ApiKeyRegistry, UserCredentials, ApiKeyGuard, ScopesGuard, AdminScopeGuard],
})
export class AuthModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HostMiddleware, OriginMiddleware).forRoutes({ path: MCP_PATH, method: RequestMethod.ALL });
    consumer.apply(MetricsTokenMiddleware).forRoutes({ path: 'metrics', method: RequestMethod.ALL });
  }
}
