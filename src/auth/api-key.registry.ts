import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { ApiClient } from './api-client';
import { sha256 } from './keys/api-key-hash';
import { sameDigest } from './keys/same-digest';

interface Entry {
  hash: Buffer;
  client: ApiClient;
}

/**
 * The configured API clients, looked up by the SHA-256 of a presented key.
 * Every lookup compares against every entry in constant time and never stops
 * early, so the response time says nothing about whether a key, or a prefix
 * of one, exists. Revoked clients take part in the scan like any other.
 */
@Injectable()
export class ApiKeyRegistry {
  private readonly entries: readonly Entry[];

  constructor(config: AppConfig) {
    this.entries = config.auth.clients.map((client) => ({ hash: Buffer.from(client.keySha256, 'hex'), client }));
  }

  /** True when any client is configured: then every `/mcp` request needs a key. */
  get enabled(): boolean {
    return this.entries.length > 0;
  }

  /** The client owning `key`, revoked or not; undefined for an unknown key. */
  find(key: string): ApiClient | undefined {
    const presented = sha256(key);
    let found: ApiClient | undefined;
    for (const entry of this.entries) {
      const match = sameDigest(presented, entry.hash);
      found = match ? entry.client : found;
    }
    return found;
  }
}
