/** The polls module's SQL (Kysely). Rows ↔ the core's records; nothing here decides anything. */
import type { AnswerPayload, OpenEntryState, PollDefinition, PollSettings, PollStatus } from '../../shared/polls/schemas.js';
import type { Db } from '../kernel/feature.js';
import type { AnswerRecord, PollRecord, QuizAnswerRecord, QuizPlayer, QuizRunState } from './core/types.js';
import type { PollsTable } from './tables.js';
import './tables.js';

/** An answer with its row id (the open-text entry id). */
export type StoredAnswer = AnswerRecord & { id: string };

function toRecord(r: PollsTable): PollRecord {
  return {
    id: r.id,
    eventId: r.event_id,
    position: r.position,
    status: r.status as PollStatus,
    definition: JSON.parse(r.definition) as PollDefinition,
    settings: JSON.parse(r.settings) as PollSettings,
    revealed: r.revealed === 1,
    openedAt: r.opened_at,
    closesAt: r.closes_at,
    closedAt: r.closed_at,
    quiz: r.quiz ? (JSON.parse(r.quiz) as QuizRunState) : null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function toRow(p: PollRecord): PollsTable {
  return {
    id: p.id,
    event_id: p.eventId,
    position: p.position,
    status: p.status,
    definition: JSON.stringify(p.definition),
    settings: JSON.stringify(p.settings),
    revealed: p.revealed ? 1 : 0,
    opened_at: p.openedAt,
    closes_at: p.closesAt,
    closed_at: p.closedAt,
    quiz: p.quiz ? JSON.stringify(p.quiz) : null,
    created_at: p.createdAt,
    updated_at: p.updatedAt,
  };
}

export interface EventRows {
  polls: PollRecord[];
  answers: StoredAnswer[];
  quizAnswers: QuizAnswerRecord[];
  players: (QuizPlayer & { pollId: string })[];
  presentedId: string | null;
}

export async function loadEventRows(db: Db, eventId: string): Promise<EventRows> {
  const polls = (await db.selectFrom('polls').selectAll().where('event_id', '=', eventId).orderBy('position').execute()).map(toRecord);
  const ids = polls.map((p) => p.id);
  const answers = (await db.selectFrom('poll_answers').selectAll().where('event_id', '=', eventId).orderBy('answered_at').execute()).map(
    (r): StoredAnswer => ({
      id: r.id,
      pollId: r.poll_id,
      attendeeId: r.attendee_id,
      name: r.name,
      answer: JSON.parse(r.answer) as AnswerPayload,
      answeredAt: r.answered_at,
      openState: r.open_state as OpenEntryState | null,
    }),
  );
  const quizAnswers = ids.length
    ? (await db.selectFrom('poll_quiz_answers').selectAll().where('poll_id', 'in', ids).orderBy('answered_at').execute()).map(
        (r): QuizAnswerRecord => ({
          pollId: r.poll_id,
          attendeeId: r.attendee_id,
          questionId: r.question_id,
          optionIds: JSON.parse(r.option_ids) as string[],
          correct: r.correct === 1,
          points: r.points,
          answeredAt: r.answered_at,
        }),
      )
    : [];
  const players = ids.length
    ? (await db.selectFrom('poll_quiz_players').selectAll().where('poll_id', 'in', ids).execute()).map((r) => ({
        pollId: r.poll_id,
        attendeeId: r.attendee_id,
        nickname: r.nickname,
      }))
    : [];
  const ev = await db.selectFrom('poll_events').select('presented_id').where('event_id', '=', eventId).executeTakeFirst();
  return { polls, answers, quizAnswers, players, presentedId: ev?.presented_id ?? null };
}

export async function insertPoll(db: Db, p: PollRecord): Promise<void> {
  await db.insertInto('polls').values(toRow(p)).execute();
}

export async function savePoll(db: Db, p: PollRecord): Promise<void> {
  const { id: _id, event_id: _e, created_at: _c, ...rest } = toRow(p);
  await db.updateTable('polls').set(rest).where('id', '=', p.id).execute();
}

export async function setPositions(db: Db, ids: readonly string[]): Promise<void> {
  for (const [i, id] of ids.entries()) await db.updateTable('polls').set({ position: i }).where('id', '=', id).execute();
}

export async function deletePoll(db: Db, id: string): Promise<void> {
  await db.deleteFrom('poll_answers').where('poll_id', '=', id).execute();
  await db.deleteFrom('poll_quiz_answers').where('poll_id', '=', id).execute();
  await db.deleteFrom('poll_quiz_players').where('poll_id', '=', id).execute();
  await db.deleteFrom('polls').where('id', '=', id).execute();
}

export async function deleteAnswers(db: Db, pollId: string): Promise<void> {
  await db.deleteFrom('poll_answers').where('poll_id', '=', pollId).execute();
  await db.deleteFrom('poll_quiz_answers').where('poll_id', '=', pollId).execute();
  await db.deleteFrom('poll_quiz_players').where('poll_id', '=', pollId).execute();
}

/** Insert or replace the attendee's answer (the primary key poll_id + attendee_id keeps it to one). */
export async function upsertAnswer(db: Db, eventId: string, a: StoredAnswer): Promise<void> {
  const values = {
    id: a.id,
    poll_id: a.pollId,
    event_id: eventId,
    attendee_id: a.attendeeId,
    name: a.name,
    answer: JSON.stringify(a.answer),
    answered_at: a.answeredAt,
    open_state: a.openState,
  };
  await db
    .insertInto('poll_answers')
    .values(values)
    .onConflict((oc) => oc.columns(['poll_id', 'attendee_id']).doUpdateSet({ name: values.name, answer: values.answer, answered_at: values.answered_at, open_state: values.open_state }))
    .execute();
}

export async function setOpenState(db: Db, id: string, state: OpenEntryState): Promise<void> {
  await db.updateTable('poll_answers').set({ open_state: state }).where('id', '=', id).execute();
}

export async function insertQuizAnswer(db: Db, a: QuizAnswerRecord): Promise<void> {
  await db
    .insertInto('poll_quiz_answers')
    .values({
      poll_id: a.pollId,
      attendee_id: a.attendeeId,
      question_id: a.questionId,
      option_ids: JSON.stringify(a.optionIds),
      correct: a.correct ? 1 : 0,
      points: a.points,
      answered_at: a.answeredAt,
    })
    .execute();
}

export async function upsertPlayer(db: Db, pollId: string, p: QuizPlayer): Promise<void> {
  await db
    .insertInto('poll_quiz_players')
    .values({ poll_id: pollId, attendee_id: p.attendeeId, nickname: p.nickname })
    .onConflict((oc) => oc.columns(['poll_id', 'attendee_id']).doUpdateSet({ nickname: p.nickname }))
    .execute();
}

export async function setPresented(db: Db, eventId: string, id: string | null): Promise<void> {
  await db
    .insertInto('poll_events')
    .values({ event_id: eventId, presented_id: id })
    .onConflict((oc) => oc.column('event_id').doUpdateSet({ presented_id: id }))
    .execute();
}

/** Every open poll of every event (timers are re-armed from these after a restart). */
export async function listOpenPolls(db: Db): Promise<PollRecord[]> {
  return (await db.selectFrom('polls').selectAll().where('status', '=', 'open').execute()).map(toRecord);
}

/** Answers counted in the database (tests and the benchmark compare them with tallies). */
export async function countAnswers(db: Db, pollId: string): Promise<number> {
  const r = await db.selectFrom('poll_answers').select((eb) => eb.fn.countAll<number>().as('n')).where('poll_id', '=', pollId).executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** polls:retract: one answer row goes (its name, text and choice with it). */
export async function deleteAnswer(db: Db, id: string): Promise<void> {
  await db.deleteFrom('poll_answers').where('id', '=', id).execute();
}

/** polls:retract of a quiz: every answer of the attendee and their nickname go. */
export async function deleteQuizPlayer(db: Db, pollId: string, attendeeId: string): Promise<void> {
  await db.deleteFrom('poll_quiz_answers').where('poll_id', '=', pollId).where('attendee_id', '=', attendeeId).execute();
  await db.deleteFrom('poll_quiz_players').where('poll_id', '=', pollId).where('attendee_id', '=', attendeeId).execute();
}
