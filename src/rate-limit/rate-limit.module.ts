import { DynamicModule, Global, Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { getToken, makeCounterProvider } from '@willsoto/nestjs-prometheus';
import { AppConfig } from '../config/app-config';
import { ClientRateLimits } from './client-rate-limits';
import { FailedAuthThrottle } from './failed-auth.throttle';
import { RATE_LIMITED_TOTAL } from './rate-limit.constants';
import { RateLimitGuard } from './rate-limit.guard';
import { throttlersFor } from './rate-limit-throttlers';
import { SharedThrottlerStorage } from './shared-throttler.storage';

/**
 * Per-client rate limiting for `/mcp` (HTTP transport only), and the throttle on failed key checks. Counters live in
 * Redis when REDIS_URL is set, else in this process's memory. Global because
 * mcp-nest instantiates the guards of `/mcp` inside its own module.
 */
@Global()
@Module({})
export class RateLimitModule {
  static forRoot(config: AppConfig): DynamicModule {
    const limits = new ClientRateLimits(config);
    const redisUrl = config.rateLimit.redisUrl;
    return {
      module: RateLimitModule,
      imports: [
        ThrottlerModule.forRootAsync({
          useFactory: async () => ({
            throttlers: throttlersFor(limits),
            storage: redisUrl ? await SharedThrottlerStorage.connect(redisUrl) : undefined,
            setHeaders: false,
          }),
        }),
      ],
      providers: [
        { provide: ClientRateLimits, useValue: limits },
        makeCounterProvider({ name: RATE_LIMITED_TOTAL, help: 'Requests refused by the rate limit, by client', labelNames: ['client'] }),
        RateLimitGuard,
        FailedAuthThrottle,
      ],
      exports: [ThrottlerModule, ClientRateLimits, getToken(RATE_LIMITED_TOTAL), RateLimitGuard, FailedAuthThrottle],
    };
  }
}
