/** SQL for events. Portable Kysely only. */
import { randomInt } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { EventLinks } from '../../shared/api.js';
import type { EventFormat, EventInfo, EventSettings, Language, LinkRole } from '../../shared/events/schemas.js';
import { newId, newToken } from '../auth/tokens.js';
import type { DB, EventRow } from '../db/types.js';
import { parseStoredSettings } from './settings.js';

type Db = Kysely<DB> | Transaction<DB>;

export function rowToInfo(row: EventRow): EventInfo {
  return {
    id: row.id,
    code: row.code,
    title: row.title,
    format: row.format as EventFormat,
    language: row.language as Language,
    startsAt: row.starts_at,
    settings: parseStoredSettings(row.settings),
  };
}

export function buildLinks(base: string, row: Pick<EventRow, 'code' | 'moderator_token' | 'facilitator_token' | 'stage_token' | 'speaker_token'>): EventLinks {
  const e = `${base}/e/${row.code}`;
  return {
    attendee: e,
    moderator: `${e}/moderate?token=${row.moderator_token}`,
    facilitator: `${e}/facilitate?token=${row.facilitator_token}`,
    stage: `${e}/stage?token=${row.stage_token}`,
    speaker: `${e}/speaker?token=${row.speaker_token}`,
  };
}

export const TOKEN_COLUMN = {
  moderator: 'moderator_token',
  facilitator: 'facilitator_token',
  stage: 'stage_token',
  speaker: 'speaker_token',
} as const satisfies Record<LinkRole, keyof EventRow>;

export function findEventById(db: Db, id: string): Promise<EventRow | undefined> {
  return db.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findEventByCode(db: Db, code: string): Promise<EventRow | undefined> {
  return db.selectFrom('events').selectAll().where('code', '=', code).executeTakeFirst();
}

export interface NewEvent {
  title: string;
  format: EventFormat;
  language: Language;
  startsAt: string | null;
  settings: EventSettings;
  createdBy: string | null;
  now: Date;
}

/** A six-digit code; the first digit is never 0 so the code reads the same as a number. */
function randomCode(): string {
  return String(randomInt(100_000, 1_000_000));
}

export async function insertEvent(db: Kysely<DB>, input: NewEvent): Promise<EventRow> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const code = randomCode();
    const row: EventRow = {
      id: newId(),
      code,
      title: input.title,
      format: input.format,
      language: input.language,
      starts_at: input.startsAt,
      settings: JSON.stringify(input.settings),
      seq: 0,
      moderator_token: newToken(),
      facilitator_token: newToken(),
      stage_token: newToken(),
      speaker_token: newToken(),
      created_by: input.createdBy,
      created_at: input.now.toISOString(),
      last_active_at: input.now.toISOString(),
    };
    // The unique index decides; a collision just means another draw.
    const inserted = await db
      .insertInto('events')
      .values(row)
      .onConflict((oc) => oc.column('code').doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 1) return row;
  }
  throw new Error('could not find a free event code');
}

export interface EventWithCount extends EventRow {
  question_count: number;
}

export async function listEventsWithCounts(db: Db): Promise<EventWithCount[]> {
  const rows = await db
    .selectFrom('events')
    .selectAll('events')
    .select((eb) =>
      eb
        .selectFrom('questions')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('questions.event_id', '=', 'events.id')
        .as('question_count'),
    )
    .orderBy('events.created_at', 'desc')
    .orderBy('events.id')
    .execute();
  return rows.map((r) => ({ ...r, question_count: Number(r.question_count ?? 0) }));
}

export async function countQuestions(db: Db, eventId: string): Promise<number> {
  const row = await db
    .selectFrom('questions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('event_id', '=', eventId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Increments the event's seq inside the caller's transaction and returns the new value. */
export async function bumpSeq(trx: Db, eventId: string): Promise<number> {
  const row = await trx
    .updateTable('events')
    .set((eb) => ({ seq: eb('seq', '+', 1), last_active_at: new Date().toISOString() }))
    .where('id', '=', eventId)
    .returning('seq')
    .executeTakeFirstOrThrow();
  return Number(row.seq);
}

export async function rotateToken(db: Db, eventId: string, role: LinkRole): Promise<string> {
  const token = newToken();
  await db.updateTable('events').set({ [TOKEN_COLUMN[role]]: token }).where('id', '=', eventId).execute();
  return token;
}
