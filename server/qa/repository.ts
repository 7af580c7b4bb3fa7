/** SQL for questions and votes. Portable Kysely; every query is indexed by event, question or attendee. */
import type { Kysely, Transaction } from 'kysely';
import { VoteAlert, type QuestionSource, type QuestionState } from '../../shared/qa/schemas.js';
import type { DB } from '../db/types.js';
import type { QuestionRow } from './tables.js';
import { isExternalAuthor } from './core/imports.js';
import { ERASED_AUTHOR } from './core/rules.js';
import type { Board, QuestionRecord } from './core/types.js';

type Db = Kysely<DB> | Transaction<DB>;

function parseList(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

function parseAlert(json: string | null | undefined): VoteAlert | null {
  if (!json) return null;
  try {
    const parsed = VoteAlert.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function rowToRecord(row: QuestionRow): QuestionRecord {
  return {
    id: row.id,
    eventId: row.event_id,
    // An erased question (withdrawn) has neither: its author is gone (ERASED_AUTHOR).
    authorId: row.author_id ?? row.external_author ?? (row.state === 'withdrawn' ? ERASED_AUTHOR : `${row.source}:`),
    authorName: row.author_name,
    anonymous: row.anonymous === 1,
    text: row.text,
    state: row.state as QuestionState,
    votes: Number(row.votes),
    labels: parseList(row.labels),
    reply: row.reply,
    starred: row.starred === 1,
    flaggedWords: parseList(row.flagged_words),
    queuePos: row.queue_pos === null ? null : Number(row.queue_pos),
    highlighted: row.highlighted === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    answeredAt: row.answered_at,
    source: (row.source as QuestionSource | undefined) ?? 'plenum',
    sourceLabel: row.source_label ?? null,
    mergedInto: row.merged_into ?? null,
    voteAlert: parseAlert(row.vote_alert),
    voteAlertCleared: row.vote_alert_cleared ?? null,
  };
}

export function recordToRow(q: QuestionRecord): Omit<QuestionRow, 'import_key'> {
  return {
    id: q.id,
    event_id: q.eventId,
    author_id: isExternalAuthor(q.authorId) || q.authorId === ERASED_AUTHOR ? null : q.authorId,
    external_author: isExternalAuthor(q.authorId) ? q.authorId : null,
    author_name: q.authorName,
    anonymous: q.anonymous ? 1 : 0,
    text: q.text,
    state: q.state,
    votes: q.votes,
    labels: JSON.stringify(q.labels),
    reply: q.reply,
    starred: q.starred ? 1 : 0,
    flagged_words: JSON.stringify(q.flaggedWords),
    queue_pos: q.queuePos,
    highlighted: q.highlighted ? 1 : 0,
    created_at: q.createdAt,
    updated_at: q.updatedAt,
    answered_at: q.answeredAt,
    source: q.source,
    source_label: q.sourceLabel,
    merged_into: q.mergedInto,
    vote_alert: q.voteAlert ? JSON.stringify(q.voteAlert) : null,
    vote_alert_cleared: q.voteAlertCleared,
  };
}

export async function getQuestion(db: Db, eventId: string, id: string): Promise<QuestionRecord | undefined> {
  const row = await db.selectFrom('questions').selectAll().where('id', '=', id).where('event_id', '=', eventId).executeTakeFirst();
  return row ? rowToRecord(row) : undefined;
}

export async function getQuestions(db: Db, eventId: string, ids: readonly string[]): Promise<Map<string, QuestionRecord>> {
  const out = new Map<string, QuestionRecord>();
  if (ids.length === 0) return out;
  const rows = await db.selectFrom('questions').selectAll().where('event_id', '=', eventId).where('id', 'in', [...new Set(ids)]).execute();
  for (const row of rows) out.set(row.id, rowToRecord(row));
  return out;
}

export async function insertQuestion(db: Db, q: QuestionRecord): Promise<void> {
  await db.insertInto('questions').values(recordToRow(q)).execute();
}

/** Writes every mutable column; the core returns whole records, so there is no diffing to get wrong. */
export async function saveQuestion(db: Db, q: QuestionRecord): Promise<void> {
  const { id, event_id: _e, author_id: _a, created_at: _c, votes: _v, vote_alert: _va, vote_alert_cleared: _vc, ...rest } = recordToRow(q);
  // votes is owned by the vote path (an atomic increment), the vote alert by the vote path and the alert
  // commands (setVoteAlert); never overwrite them from a possibly older read.
  await db.updateTable('questions').set(rest).where('id', '=', id).execute();
}

/**
 * Overwrites a question's row with its tombstone (rules.erase): every column, the author link and the vote
 * count included, and deletes its vote rows. Returns who had voted for it (their tabs are told).
 */
export async function eraseQuestion(db: Db, q: QuestionRecord): Promise<string[]> {
  const { id, event_id: _e, created_at: _c, ...rest } = recordToRow(q);
  await db.updateTable('questions').set({ ...rest, votes: 0 }).where('id', '=', id).execute();
  const voters = await db.deleteFrom('votes').where('question_id', '=', id).returning('attendee_id').execute();
  return voters.map((v) => v.attendee_id);
}

export async function deleteQuestion(db: Db, id: string): Promise<void> {
  await db.deleteFrom('questions').where('id', '=', id).execute();
}

export async function countPending(db: Db, eventId: string): Promise<number> {
  const row = await db
    .selectFrom('questions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('event_id', '=', eventId)
    .where('state', '=', 'pending')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function loadBoard(db: Db, eventId: string): Promise<Board> {
  const rows = await db
    .selectFrom('questions')
    .select(['id', 'queue_pos', 'highlighted'])
    .where('event_id', '=', eventId)
    .where('state', '=', 'live')
    .where((eb) => eb.or([eb('queue_pos', 'is not', null), eb('highlighted', '=', 1)]))
    .execute();
  return boardOf(rows.map((r) => ({ id: r.id, queuePos: r.queue_pos === null ? null : Number(r.queue_pos), highlighted: r.highlighted === 1 })));
}

export function boardOf(questions: ReadonlyArray<Pick<QuestionRecord, 'id' | 'queuePos' | 'highlighted'>>): Board {
  const highlighted = questions.find((q) => q.highlighted);
  const queue = questions
    .filter((q) => q.queuePos !== null)
    .sort((a, b) => (a.queuePos as number) - (b.queuePos as number) || (a.id < b.id ? -1 : 1))
    .map((q) => q.id);
  return { highlightedId: highlighted?.id ?? null, queue };
}

export async function setHighlight(db: Db, eventId: string, id: string | null): Promise<void> {
  await db.updateTable('questions').set({ highlighted: 0 }).where('event_id', '=', eventId).where('highlighted', '=', 1).execute();
  if (id) await db.updateTable('questions').set({ highlighted: 1 }).where('id', '=', id).where('event_id', '=', eventId).execute();
}

export async function setQueue(db: Db, eventId: string, ids: readonly string[]): Promise<void> {
  await db.updateTable('questions').set({ queue_pos: null }).where('event_id', '=', eventId).where('queue_pos', 'is not', null).execute();
  for (const [pos, id] of ids.entries()) {
    await db.updateTable('questions').set({ queue_pos: pos }).where('id', '=', id).where('event_id', '=', eventId).execute();
  }
}

export async function setVoteAlert(db: Db, eventId: string, id: string, alert: VoteAlert | null, cleared?: string): Promise<void> {
  await db
    .updateTable('questions')
    .set({ vote_alert: alert ? JSON.stringify(alert) : null, ...(cleared !== undefined ? { vote_alert_cleared: cleared } : {}) })
    .where('id', '=', id)
    .where('event_id', '=', eventId)
    .execute();
}

/** The standing votes on these questions cast after `from` (ISO), with their time (for the vote alert). */
export async function votesSince(db: Db, questionId: string, from: string): Promise<Array<{ attendeeId: string; createdAt: string }>> {
  const rows = await db.selectFrom('votes').select(['attendee_id', 'created_at']).where('question_id', '=', questionId).where('created_at', '>', from).execute();
  return rows.map((r) => ({ attendeeId: r.attendee_id, createdAt: r.created_at }));
}

export async function hasVote(db: Db, questionId: string, attendeeId: string): Promise<boolean> {
  const row = await db
    .selectFrom('votes')
    .select('question_id')
    .where('question_id', '=', questionId)
    .where('attendee_id', '=', attendeeId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Adds the vote if absent (the primary key makes a second one impossible); true when it was added. */
export async function addVote(db: Db, questionId: string, attendeeId: string, now: Date): Promise<boolean> {
  const res = await db
    .insertInto('votes')
    .values({ question_id: questionId, attendee_id: attendeeId, created_at: now.toISOString() })
    .onConflict((oc) => oc.columns(['question_id', 'attendee_id']).doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0n) === 1;
}

export async function removeVote(db: Db, questionId: string, attendeeId: string): Promise<boolean> {
  const res = await db.deleteFrom('votes').where('question_id', '=', questionId).where('attendee_id', '=', attendeeId).executeTakeFirst();
  return Number(res.numDeletedRows) === 1;
}

/** Atomic increment; returns the new count. */
export async function adjustVotes(db: Db, questionId: string, delta: 1 | -1): Promise<number> {
  const row = await db
    .updateTable('questions')
    .set((eb) => ({ votes: eb('votes', delta > 0 ? '+' : '-', 1) }))
    .where('id', '=', questionId)
    .returning('votes')
    .executeTakeFirstOrThrow();
  return Number(row.votes);
}

// ---- reads for snapshots and export ----

/** Every question but the tombstones of erased ones: what moderators see, and the CSV export. */
export async function listForModerators(db: Db, eventId: string): Promise<QuestionRecord[]> {
  const rows = await db
    .selectFrom('questions')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('state', '!=', 'withdrawn')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(rowToRecord);
}

/** Live and answered questions: what every attendee, the stage and facilitators see. */
export async function listPublic(db: Db, eventId: string): Promise<QuestionRecord[]> {
  const rows = await db
    .selectFrom('questions')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('state', 'in', ['live', 'answered'])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(rowToRecord);
}

/** The answered questions of an event (for `qa:answeredPage`; answered ones are public). */
export async function listAnswered(db: Db, eventId: string): Promise<QuestionRecord[]> {
  const rows = await db.selectFrom('questions').selectAll().where('event_id', '=', eventId).where('state', '=', 'answered').execute();
  return rows.map(rowToRecord);
}

/** One attendee's questions except withdrawn ones (attendee ids belong to one event). */
export async function listOwn(db: Db, attendeeId: string): Promise<QuestionRecord[]> {
  const rows = await db
    .selectFrom('questions')
    .selectAll()
    .where('author_id', '=', attendeeId)
    .where('state', '!=', 'withdrawn')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(rowToRecord);
}

export async function listVotedIds(db: Db, attendeeId: string): Promise<string[]> {
  const rows = await db.selectFrom('votes').select('question_id').where('attendee_id', '=', attendeeId).execute();
  return rows.map((r) => r.question_id);
}
