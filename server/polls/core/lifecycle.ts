/**
 * The poll state machine and the moderator's edits. Pure: each function takes the record and `now` and
 * returns a new record, or throws DomainError.
 *
 *   create ──► draft ──open──► open ──close / timer──► closed ──reopen──► open
 *              ▲                                          │
 *              └──────────────── reset (answers removed) ─┘   (reset also from draft)
 *
 * - The optional timer (settings.timerSec) sets closesAt on open and reopen; `expire(poll, now)` closes a
 *   poll whose closesAt has passed (the handler's timer calls it; answers check acceptsAnswers too).
 * - The definition (question, options …) can change only while the poll is not open and has no answers;
 *   settings can change any time (a new timer while open counts from now).
 * - Quizzes open into the lobby and run question by question (quiz.ts); a closed quiz is not reopened: reset it.
 */
import type { PollDefinition, PollDraft, PollSettingsPatch } from '../../../shared/polls/schemas.js';
import { pollError } from './errors.js';
import { addSeconds, type PollRecord } from './types.js';

const iso = (now: Date) => now.toISOString();

function requireStatus(p: PollRecord, allowed: readonly PollRecord['status'][], action: string): void {
  if (!allowed.includes(p.status)) throw pollError('invalid_state', `cannot ${action} a poll that is ${p.status}`);
}

export function createPoll(input: { id: string; eventId: string; position: number; draft: PollDraft; now: Date }): PollRecord {
  const at = iso(input.now);
  return {
    id: input.id,
    eventId: input.eventId,
    position: input.position,
    status: 'draft',
    definition: input.draft.definition,
    settings: input.draft.settings,
    revealed: false,
    openedAt: null,
    closesAt: null,
    closedAt: null,
    quiz: null,
    createdAt: at,
    updatedAt: at,
  };
}

function timerEnd(p: PollRecord, now: Date): string | null {
  return p.definition.type !== 'quiz' && p.settings.timerSec !== null ? addSeconds(iso(now), p.settings.timerSec) : null;
}

export function openPoll(p: PollRecord, now: Date): PollRecord {
  requireStatus(p, ['draft'], 'open');
  const at = iso(now);
  return {
    ...p,
    status: 'open',
    openedAt: at,
    closesAt: timerEnd(p, now),
    closedAt: null,
    quiz: p.definition.type === 'quiz' ? { phase: 'lobby', index: -1, questionStartedAt: null, questionEndsAt: null } : null,
    updatedAt: at,
  };
}

export function closePoll(p: PollRecord, now: Date): PollRecord {
  requireStatus(p, ['open'], 'close');
  const at = iso(now);
  const quiz = p.quiz ? { ...p.quiz, phase: 'finished' as const, questionEndsAt: p.quiz.phase === 'question' ? at : p.quiz.questionEndsAt } : null;
  return { ...p, status: 'closed', closesAt: null, closedAt: at, quiz, updatedAt: at };
}

export function reopenPoll(p: PollRecord, now: Date): PollRecord {
  requireStatus(p, ['closed'], 'reopen');
  if (p.definition.type === 'quiz') throw pollError('invalid_state', 'a finished quiz cannot be reopened; reset it to run it again');
  const at = iso(now);
  return { ...p, status: 'open', closesAt: timerEnd(p, now), closedAt: null, updatedAt: at };
}

/** Back to a draft without answers (the caller deletes them). Not while open. */
export function resetPoll(p: PollRecord, now: Date): PollRecord {
  requireStatus(p, ['draft', 'closed'], 'reset');
  return { ...p, status: 'draft', openedAt: null, closesAt: null, closedAt: null, quiz: null, revealed: false, updatedAt: iso(now) };
}

/**
 * Closes an open poll whose timer has run out (at closesAt, not at now, so the record says when it really
 * closed). Returns the same object when nothing is due.
 */
export function expirePoll(p: PollRecord, now: Date): PollRecord {
  if (p.status !== 'open' || p.closesAt === null || Date.parse(p.closesAt) > now.getTime()) return p;
  return { ...closePoll(p, new Date(p.closesAt)), updatedAt: iso(now) };
}

export function revealPoll(p: PollRecord, revealed: boolean, now: Date): PollRecord {
  if (p.revealed === revealed) return p;
  return { ...p, revealed, updatedAt: iso(now) };
}

export function updatePoll(
  p: PollRecord,
  change: { definition?: PollDefinition; settings?: PollSettingsPatch },
  ctx: { hasAnswers: boolean; now: Date },
): PollRecord {
  let next = p;
  if (change.definition) {
    if (p.status === 'open') throw pollError('invalid_state', 'close the poll before changing its question or options');
    if (ctx.hasAnswers) throw pollError('invalid_state', 'the poll has answers; duplicate it or reset it to change the question or options');
    next = { ...next, definition: change.definition };
  }
  if (change.settings) {
    const patch = Object.fromEntries(Object.entries(change.settings).filter(([, v]) => v !== undefined));
    const settings = { ...next.settings, ...patch };
    next = { ...next, settings };
    if (p.status === 'open' && change.settings.timerSec !== undefined) next = { ...next, closesAt: timerEnd(next, ctx.now) };
  }
  return next === p ? p : { ...next, updatedAt: iso(ctx.now) };
}

/** A draft copy (no answers, not revealed), placed right after the original by the caller. */
export function duplicatePoll(p: PollRecord, id: string, now: Date): PollRecord {
  return createPoll({ id, eventId: p.eventId, position: p.position + 1, draft: { definition: p.definition, settings: p.settings }, now });
}

/** A new order must name every poll of the event exactly once. */
export function checkOrder(ids: readonly string[], existing: readonly string[]): string[] {
  const known = new Set(existing);
  if (ids.length !== known.size || new Set(ids).size !== ids.length || ids.some((id) => !known.has(id))) {
    throw pollError('invalid_payload', 'the order must list every poll of the event exactly once', { fields: ['ids'] });
  }
  return [...ids];
}

/** Positions 0…n−1 after inserting `insertId` at `index` in the list. */
export function insertAt(ids: readonly string[], insertId: string, index: number): string[] {
  const out = ids.filter((id) => id !== insertId);
  out.splice(Math.max(0, Math.min(index, out.length)), 0, insertId);
  return out;
}
