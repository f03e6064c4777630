import * as path from 'node:path';

/** Where the read-only reference material lives: `$SHARED_DIR`, else `../shared` from the working directory. */
export function resolveSharedDir(): string {
  return process.env.SHARED_DIR ?? path.resolve(process.cwd(), '../shared');
}
