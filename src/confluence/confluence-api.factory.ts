import { Injectable } from '@nestjs/common';
import { CloudApi } from './api/cloud.api';
import { DataCenterApi } from './api/datacenter.api';
import { ConfluenceHttpClient } from './confluence-http.client';
import { ConfluenceApi, ConfluenceAuth, ConfluenceConnection } from './confluence.types';

const MAX_CACHED_APIS = 500;

interface CachedApi {
  connection: ConfluenceConnection;
  api: ConfluenceApi;
}

/**
 * Hands out the right `ConfluenceApi` for a connection (Cloud or Data Center), one per
 * connection, all sharing the pooled HTTP client; rotated credentials get a fresh instance.
 */
@Injectable()
export class ConfluenceApiFactory {
  private readonly cache = new Map<string, CachedApi>();

  constructor(private readonly http: ConfluenceHttpClient) {}

  forConnection(connection: ConfluenceConnection): ConfluenceApi {
    const key = `${connection.id}\u0000${connection.deployment}\u0000${connection.baseUrl}`;
    const cached = this.cache.get(key);
    if (cached && sameAuth(cached.connection.auth, connection.auth)) return cached.api;
    const api = this.create(connection);
    if (this.cache.size >= MAX_CACHED_APIS) this.cache.clear();
    this.cache.set(key, { connection, api });
    return api;
  }

  private create(connection: ConfluenceConnection): ConfluenceApi {
    return connection.deployment === 'cloud'
      ? new CloudApi(this.http, connection)
      : new DataCenterApi(this.http, connection);
  }
}

function sameAuth(a: ConfluenceAuth, b: ConfluenceAuth): boolean {
  if (a.kind === 'basic' && b.kind === 'basic') return a.username === b.username && a.apiToken === b.apiToken;
  if (a.kind === 'bearer' && b.kind === 'bearer') return a.token === b.token;
  return a.kind === b.kind;
}
