import { Global, MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { MCP_PATH } from '../server-info';
import { ApiKeyGuard } from './api-key.guard';
import { CallerResolver } from './caller.resolver';
import { HostMiddleware } from './host.middleware';
import { OriginMiddleware } from './origin.middleware';

/**
 * Who may call `/mcp`: Host and Origin checks at the HTTP edge, then the guard
 * that resolves the caller. Global so mcp-nest's controller can resolve the guard.
 */
@Global()
@Module({
  providers: [CallerResolver, ApiKeyGuard],
  exports: [CallerResolver, ApiKeyGuard],
})
export class AuthModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HostMiddleware, OriginMiddleware).forRoutes({ path: MCP_PATH, method: RequestMethod.ALL });
  }
}
