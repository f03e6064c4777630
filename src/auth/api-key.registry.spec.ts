import { AppConfig } from '../config/app-config';
import { ApiClient } from './api-client';
import { ApiKeyRegistry } from './api-key.registry';
import { sha256Hex } from './keys/api-key-hash';
import * as digests from './keys/same-digest';

function client(id: string, key: string, revoked = false): ApiClient {
  return { id, name: id, keySha256: sha256Hex(key), scopes: ['read'], revoked };
}

function registry(clients: ApiClient[]): ApiKeyRegistry {
  return new ApiKeyRegistry({ auth: { clients } } as unknown as AppConfig);
}

describe('ApiKeyRegistry', () => {
  const keys = registry([client('a', 'key-a'), client('b', 'key-b'), client('gone', 'key-gone', true)]);

  it('finds a client by its key, revoked ones included (the guard refuses them)', () => {
    expect(keys.find('key-b')?.id).toBe('b');
    expect(keys.find('key-gone')).toMatchObject({ id: 'gone', revoked: true });
    expect(keys.find('key-c')).toBeUndefined();
    expect(keys.find('')).toBeUndefined();
    expect(keys.enabled).toBe(true);
    expect(registry([]).enabled).toBe(false);
  });

  it('compares against every entry in constant time, whether the key matches the first, another or none', () => {
    const compare = jest.spyOn(digests, 'sameDigest');
    try {
      for (const key of ['key-a', 'key-gone', 'unknown', 'k']) {
        compare.mockClear();
        keys.find(key);
        expect(compare).toHaveBeenCalledTimes(3);
        for (const [presented, stored] of compare.mock.calls) expect([(presented as Buffer).length, (stored as Buffer).length]).toEqual([32, 32]);
      }
    } finally {
      compare.mockRestore();
    }
  });
});
