/** Random identifiers and capability tokens, and their safe comparison. */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A capability token: 32 random bytes (256 bits), base64url. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** A row id: 12 random bytes (96 bits), base64url, 16 characters; short because ids travel in every delta. */
export function newId(): string {
  return randomBytes(12).toString('base64url');
}

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/** Constant-time equality; hashing first makes the lengths equal so the length leaks nothing either. */
export function tokensEqual(a: string, b: string): boolean {
  const da = createHash('sha256').update(a, 'utf8').digest();
  const db = createHash('sha256').update(b, 'utf8').digest();
  return timingSafeEqual(da, db);
}
