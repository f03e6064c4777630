import { timingSafeEqual } from 'node:crypto';

/** Constant-time equality of two SHA-256 digests: how every presented key or token is compared. */
export function sameDigest(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}
