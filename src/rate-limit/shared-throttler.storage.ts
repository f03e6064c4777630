import { Logger, OnApplicationShutdown } from '@nestjs/common';
import { ThrottlerStorage, ThrottlerStorageService } from '@nestjs/throttler';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';

const CONNECT_TIMEOUT_MS = 5_000;
const MAX_RECONNECT_DELAY_MS = 2_000;
/** How long shutdown waits for Redis to close the connection before dropping it. */
const DISCONNECT_TIMEOUT_MS = 500;

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * Rate-limit counters in Redis (REDIS_URL), so every replica counts against
 * the same budget. If Redis becomes unreachable while the server runs, each
 * replica counts in its own memory until Redis answers again — a looser limit
 * rather than none, and no request waits on a dead Redis (no offline queue).
 * Each outage is logged once, and its end once.
 */
export class SharedThrottlerStorage implements ThrottlerStorage, OnApplicationShutdown {
  private readonly logger = new Logger('RateLimit');
  private readonly local = new ThrottlerStorageService();
  private degraded = false;

  private constructor(private readonly redis: ThrottlerStorageRedisService) {}

  /** Connects before the server starts serving, so a wrong REDIS_URL stops start-up instead of silently limiting per replica. */
  static async connect(url: string): Promise<SharedThrottlerStorage> {
    let connected = false;
    let lastError: Error | undefined;
    const storage = new ThrottlerStorageRedisService(url, {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: CONNECT_TIMEOUT_MS,
      disconnectTimeout: DISCONNECT_TIMEOUT_MS,
      retryStrategy: (attempt) => (connected ? Math.min(attempt * 200, MAX_RECONNECT_DELAY_MS) : null),
    });
    // Errors surface through increment() and its log line; without a listener ioredis would print each one itself.
    storage.redis.on('error', (error: Error) => (lastError = error));
    try {
      await storage.redis.connect();
      connected = true;
    } catch (error) {
      if (storage.redis.status !== 'end') storage.redis.disconnect(false);
      const reason = (lastError ?? (error as Error)).message;
      throw new Error(`REDIS_URL: cannot connect to Redis at ${endpointOf(url)} (${reason})`);
    }
    return new SharedThrottlerStorage(storage);
  }

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    try {
      const record = await this.redis.increment(key, ttl, limit, blockDuration, throttlerName);
      this.recovered();
      return record;
    } catch (error) {
      this.failed(error);
      return this.local.increment(key, ttl, limit, blockDuration, throttlerName);
    }
  }

  onApplicationShutdown(): void {
    this.redis.redis.disconnect(false);
    this.local.onApplicationShutdown();
  }

  private failed(error: unknown): void {
    if (this.degraded) return;
    this.degraded = true;
    const reason = error instanceof Error ? error.message : String(error);
    this.logger.error(`Redis is unreachable (${reason}); each replica now counts rate limits on its own until it is back`);
  }

  private recovered(): void {
    if (!this.degraded) return;
    this.degraded = false;
    this.logger.log('Redis is reachable again; rate limits are shared across replicas');
  }
}

/** Host and port only: a REDIS_URL may carry a password, which never goes into a message. */
function endpointOf(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || '6379'}`;
  } catch {
    return 'the configured address';
  }
}
