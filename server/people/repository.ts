/** SQL for the attendees table: the only code that reads or writes it. Portable Kysely only. */
import type { Db } from '../kernel/feature.js';

/** Keeps `in (...)` lists well under every database's parameter limit. */
const CHUNK = 500;
function chunks<T>(xs: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += CHUNK) out.push(xs.slice(i, i + CHUNK));
  return out;
}

export function parseAttributes(json: string | null): Record<string, string> {
  let raw: unknown = {};
  try {
    raw = json ? JSON.parse(json) : {};
  } catch {
    raw = {};
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) if (typeof v === 'string') out[k] = v;
  return out;
}

/** A person as the other features use them (breakout planning needs the attributes). */
export interface PersonRow {
  id: string;
  name: string | null;
  attributes: Record<string, string>;
  email: string | null;
  invited: boolean;
  inviteToken: string | null;
}

function toPerson(r: { id: string; name: string | null; attributes: string; email: string | null; invited: number; invite_token: string | null }): PersonRow {
  return { id: r.id, name: r.name, attributes: parseAttributes(r.attributes), email: r.email, invited: Number(r.invited) === 1, inviteToken: r.invite_token };
}

const PERSON_COLUMNS = ['id', 'name', 'attributes', 'email', 'invited', 'invite_token'] as const;

export async function peopleOfEvent(db: Db, eventId: string): Promise<PersonRow[]> {
  const rows = await db.selectFrom('attendees').select(PERSON_COLUMNS).where('event_id', '=', eventId).orderBy('created_at').orderBy('id').execute();
  return rows.map(toPerson);
}

/** The given attendees of this event (ids of other events or unknown ids are left out). */
export async function peopleByIds(db: Db, eventId: string, ids: readonly string[]): Promise<PersonRow[]> {
  const out: PersonRow[] = [];
  for (const part of chunks([...new Set(ids)])) {
    const rows = await db.selectFrom('attendees').select(PERSON_COLUMNS).where('event_id', '=', eventId).where('id', 'in', part).execute();
    out.push(...rows.map(toPerson));
  }
  return out;
}

export async function namesOf(db: Db, ids: readonly string[]): Promise<Map<string, string | null>> {
  const out = new Map<string, string | null>();
  for (const part of chunks([...new Set(ids)])) {
    const rows = await db.selectFrom('attendees').select(['id', 'name']).where('id', 'in', part).execute();
    for (const r of rows) out.set(r.id, r.name);
  }
  return out;
}

/** When these attendees of the event joined, and their join tag (see join-tags.ts). */
export async function joinFacts(db: Db, eventId: string, ids: readonly string[]): Promise<Map<string, { joinedAt: string; joinTag: string | null }>> {
  const out = new Map<string, { joinedAt: string; joinTag: string | null }>();
  for (const part of chunks([...new Set(ids)])) {
    const rows = await db.selectFrom('attendees').select(['id', 'created_at', 'join_tag']).where('event_id', '=', eventId).where('id', 'in', part).execute();
    for (const r of rows) out.set(r.id, { joinedAt: r.created_at, joinTag: r.join_tag ?? null });
  }
  return out;
}

export async function attendeeByTokenHash(db: Db, eventId: string, tokenHash: string): Promise<string | null> {
  const row = await db.selectFrom('attendees').select('id').where('token_hash', '=', tokenHash).where('event_id', '=', eventId).executeTakeFirst();
  return row?.id ?? null;
}

export async function findAttendee(db: Db, eventId: string, id: string): Promise<{ id: string; name: string | null; attributes: Record<string, string> } | undefined> {
  const row = await db.selectFrom('attendees').select(['id', 'name', 'attributes']).where('id', '=', id).where('event_id', '=', eventId).executeTakeFirst();
  return row ? { id: row.id, name: row.name, attributes: parseAttributes(row.attributes) } : undefined;
}

export async function insertAttendee(
  db: Db,
  a: { id: string; eventId: string; tokenHash: string; name: string | null; now: Date; joinTag?: string; invite?: { token: string; email: string | null; attributes: Record<string, string> } },
): Promise<void> {
  await db
    .insertInto('attendees')
    .values({
      id: a.id,
      event_id: a.eventId,
      token_hash: a.tokenHash,
      name: a.name,
      created_at: a.now.toISOString(),
      join_tag: a.joinTag ?? null,
      ...(a.invite ? { invite_token: a.invite.token, invited: 1, email: a.invite.email, attributes: JSON.stringify(a.invite.attributes) } : {}),
    })
    .execute();
}

export async function updateAttendee(db: Db, id: string, patch: { name?: string | null; email?: string | null; attributes?: Record<string, string> }): Promise<void> {
  await db
    .updateTable('attendees')
    .set({
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.email !== undefined ? { email: patch.email } : {}),
      ...(patch.attributes ? { attributes: JSON.stringify(patch.attributes) } : {}),
    })
    .where('id', '=', id)
    .execute();
}
