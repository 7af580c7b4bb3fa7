/** Password hashing: argon2id with the library defaults (19 MiB, 2 passes), the OWASP baseline. */
import { hash, verify } from '@node-rs/argon2';

export function hashPassword(password: string): Promise<string> {
  // The library's default algorithm is argon2id (the const enum cannot be named under isolatedModules).
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/** Spends the same time as a real check, so a login for an unknown email does not answer faster. */
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hash('plenum-dummy-password');
  await verifyPassword(await dummyHash, password);
}
