import { Global, Module } from '@nestjs/common';
import { ApiKeyGuard } from './api-key.guard';
import { CallerResolver } from './caller.resolver';

/** Global so mcp-nest's controller can resolve the guard and its dependencies. */
@Global()
@Module({
  providers: [CallerResolver, ApiKeyGuard],
  exports: [CallerResolver, ApiKeyGuard],
})
export class AuthModule {}
