/** Organizer accounts and their login sessions. */
import type { Kysely } from 'kysely';
import type { OrganizerInfo } from '../../shared/api.js';
import { DomainError } from '../../shared/errors.js';
import type { DB } from '../db/types.js';
import { burnPasswordCheck, hashPassword, verifyPassword } from './passwords.js';
import { newId, newToken, sha256Hex } from './tokens.js';

export const SESSION_COOKIE = 'plenum_session';
export const SESSION_DAYS = 30;

export async function countOrganizers(db: Kysely<DB>): Promise<number> {
  const row = await db.selectFrom('organizers').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function createOrganizer(
  db: Kysely<DB>,
  input: { email: string; password: string },
  now: Date,
): Promise<OrganizerInfo> {
  const email = input.email.trim().toLowerCase();
  const passwordHash = await hashPassword(input.password);
  const existing = await db.selectFrom('organizers').select('id').where('email', '=', email).executeTakeFirst();
  if (existing) throw new DomainError('invalid_state', `an organizer with the email ${email} already exists`);
  const id = newId();
  await db
    .insertInto('organizers')
    .values({ id, email, password_hash: passwordHash, created_at: now.toISOString() })
    .execute();
  return { id, email };
}

/** The organizer whose email and password match, or null (taking the same time either way). */
export async function checkLogin(db: Kysely<DB>, email: string, password: string): Promise<OrganizerInfo | null> {
  const row = await db
    .selectFrom('organizers')
    .select(['id', 'email', 'password_hash'])
    .where('email', '=', email.trim().toLowerCase())
    .executeTakeFirst();
  if (!row) {
    await burnPasswordCheck(password);
    return null;
  }
  return (await verifyPassword(row.password_hash, password)) ? { id: row.id, email: row.email } : null;
}

/** Starts a session; returns the cookie token (only its hash is stored). */
export async function createSession(db: Kysely<DB>, organizerId: string, now: Date): Promise<{ token: string; expires: Date }> {
  const token = newToken();
  const expires = new Date(now.getTime() + SESSION_DAYS * 86_400_000);
  await db.deleteFrom('sessions').where('expires_at', '<', now.toISOString()).execute();
  await db
    .insertInto('sessions')
    .values({ id: sha256Hex(token), organizer_id: organizerId, created_at: now.toISOString(), expires_at: expires.toISOString() })
    .execute();
  return { token, expires };
}

export async function findSessionOrganizer(db: Kysely<DB>, token: string | undefined, now: Date): Promise<OrganizerInfo | null> {
  if (!token || token.length > 200) return null;
  const row = await db
    .selectFrom('sessions')
    .innerJoin('organizers', 'organizers.id', 'sessions.organizer_id')
    .select(['organizers.id as id', 'organizers.email as email', 'sessions.expires_at as expiresAt'])
    .where('sessions.id', '=', sha256Hex(token))
    .executeTakeFirst();
  if (!row || row.expiresAt <= now.toISOString()) return null;
  return { id: row.id, email: row.email };
}

export async function deleteSession(db: Kysely<DB>, token: string | undefined): Promise<void> {
  if (!token) return;
  await db.deleteFrom('sessions').where('id', '=', sha256Hex(token)).execute();
}
