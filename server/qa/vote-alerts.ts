/**
 * Ballot stuffing, the shell (the rule is core/vote-alert.ts). Inside the vote window's transaction, once
 * per window for the questions whose count moved, the standing votes of the last minutes are read with
 * their voters' join time and join tag (People API), the pure detector decides, and a changed alert is
 * stored on the question and sent to staff only (`question:voteAlert`, under the window's seq). Everything
 * it reads comes from the database in that transaction, so every node of a cluster decides the same.
 *
 * Moderators clear an alert (`qa:dismissVoteAlert`: the votes of that burst no longer count) or discount
 * it (`qa:discountVotes`: the flagged votes are deleted, the count drops for everyone, each voter's tabs
 * learn that their vote is gone through `qa:myVote`, and they may vote again).
 */
import type { Transaction } from 'kysely';
import { DomainError } from '../../shared/errors.js';
import type { Change } from '../../shared/socket.js';
import type { DB } from '../db/types.js';
import { findEventById, rowToInfo } from '../events/repository.js';
import type { Changes } from '../kernel/feature.js';
import type { People } from '../people/index.js';
import type { QuestionRecord } from './core/types.js';
import { detectVoteBurst, lookbackFrom, ruleOf, sameAlert, type RecentVote, type VoteAlertRule, type VoteBurst } from './core/vote-alert.js';
import { isPublicState, toMod } from './core/views.js';
import { getQuestions, setVoteAlert, votesSince } from './repository.js';

/** The event's thresholds; null when the alert is off (or, unless `evenIfOff`, when the event is gone). */
async function ruleOfEvent(trx: Transaction<DB>, eventId: string, evenIfOff = false): Promise<VoteAlertRule | null> {
  const row = await findEventById(trx, eventId);
  if (!row) return null;
  const qa = rowToInfo(row).settings.qa;
  return ruleOf(evenIfOff ? { ...qa, voteAlert: true } : qa);
}

const clearedMs = (q: QuestionRecord) => (q.voteAlertCleared ? Date.parse(q.voteAlertCleared) : null);

/** The votes the detector needs for one question, or null when there are too few to matter. */
async function recentVotes(trx: Transaction<DB>, q: QuestionRecord, rule: VoteAlertRule, now: number): Promise<Array<{ attendeeId: string; votedAt: number }> | null> {
  const from = lookbackFrom(now, rule, q.voteAlert, clearedMs(q));
  const rows = await votesSince(trx, q.id, new Date(from).toISOString());
  if (rows.length < rule.votes && !q.voteAlert) return null;
  return rows.map((r) => ({ attendeeId: r.attendeeId, votedAt: Date.parse(r.createdAt) }));
}

async function withJoinFacts(trx: Transaction<DB>, eventId: string, people: People, lists: ReadonlyArray<Array<{ attendeeId: string; votedAt: number }>>): Promise<RecentVote[][]> {
  const facts = await people.joinFacts(trx, eventId, [...new Set(lists.flatMap((l) => l.map((v) => v.attendeeId)))]);
  return lists.map((list) =>
    list.flatMap((v) => {
      const f = facts.get(v.attendeeId);
      return f ? [{ ...v, joinedAt: Date.parse(f.joinedAt), joinTag: f.joinTag }] : [];
    }),
  );
}

/**
 * How often a question with a standing alert is decided again (per node): its count of flagged votes may lag
 * this much. Without it, a burst in progress (thousands of new voters on one question) would be re-read in
 * full every vote window (10 a second).
 */
export const STANDING_ALERT_EVERY_MS = 2_000;

export class AlertPace {
  private readonly last = new Map<string, number>();
  /** Whether the standing alert of `questionId` is due to be decided again; marks it decided when it is. */
  due(questionId: string, nowMs: number): boolean {
    const at = this.last.get(questionId);
    if (at !== undefined && nowMs - at < STANDING_ALERT_EVERY_MS) return false;
    if (this.last.size > 50_000) this.last.clear();
    this.last.set(questionId, nowMs);
    return true;
  }
}

/**
 * The vote path: re-decides the alert of each question whose count moved in this window; returns the
 * staff-only changes (empty when no alert changed). Only a vote by a new identity can raise an alert, so a
 * question without an alert is decided only when this window added such a vote (one read of the window's
 * voters; long-present voters cost nothing more); a standing alert is decided at most every
 * STANDING_ALERT_EVERY_MS. Then one settings read, one vote read per question with enough recent votes, one
 * read of their voters.
 */
export async function evaluateVoteAlerts(
  trx: Transaction<DB>,
  eventId: string,
  added: ReadonlyArray<{ questionId: string; attendeeId: string }>,
  questionIds: readonly string[],
  now: Date,
  people: People,
  pace: AlertPace,
): Promise<Change[]> {
  if (questionIds.length === 0) return [];
  const rule = await ruleOfEvent(trx, eventId);
  if (!rule) return [];
  const nowMs = now.getTime();
  const addedFacts = added.length ? await people.joinFacts(trx, eventId, [...new Set(added.map((a) => a.attendeeId))]) : new Map<string, { joinedAt: string }>();
  const newVoteOn = new Set<string>();
  for (const a of added) {
    const f = addedFacts.get(a.attendeeId);
    if (f && nowMs - Date.parse(f.joinedAt) <= rule.newWithinMs) newVoteOn.add(a.questionId);
  }
  const questions = await getQuestions(trx, eventId, questionIds);
  const candidates: Array<{ q: QuestionRecord; votes: Array<{ attendeeId: string; votedAt: number }> }> = [];
  for (const q of questions.values()) {
    if (q.voteAlert ? !pace.due(q.id, nowMs) : !newVoteOn.has(q.id)) continue;
    const votes = await recentVotes(trx, q, rule, nowMs);
    if (votes) candidates.push({ q, votes });
  }
  if (candidates.length === 0) return [];
  const full = await withJoinFacts(trx, eventId, people, candidates.map((c) => c.votes));
  const changes: Change[] = [];
  for (const [i, { q }] of candidates.entries()) {
    const alert = detectVoteBurst(full[i]!, rule, clearedMs(q))?.alert ?? null;
    if (sameAlert(alert, q.voteAlert)) continue;
    await setVoteAlert(trx, eventId, q.id, alert);
    changes.push({ type: 'question:voteAlert', id: q.id, alert });
  }
  return changes;
}

async function requireQuestion(trx: Transaction<DB>, eventId: string, id: string): Promise<QuestionRecord> {
  const q = (await getQuestions(trx, eventId, [id])).get(id);
  if (!q) throw new DomainError('not_found', 'no such question');
  return q;
}

/** qa:dismissVoteAlert: the alert goes; votes cast until now no longer raise it. */
export async function dismissInTransaction(trx: Transaction<DB>, eventId: string, id: string, now: Date): Promise<{ question: QuestionRecord; changes: Changes }> {
  const q = await requireQuestion(trx, eventId, id);
  const cleared = now.toISOString();
  await setVoteAlert(trx, eventId, id, null, cleared);
  const after: QuestionRecord = { ...q, voteAlert: null, voteAlertCleared: cleared };
  return { question: after, changes: { staff: [{ type: 'question:voteAlert', id, alert: null }], pub: [], personal: [] } };
}

/**
 * qa:discountVotes: the flagged votes of the current alert (decided again now, from the database) are
 * deleted and the count drops; the alert goes as with a dismissal. Refused when there is no alert.
 */
export async function discountInTransaction(
  trx: Transaction<DB>,
  eventId: string,
  id: string,
  now: Date,
  people: People,
): Promise<{ question: QuestionRecord; removed: number; changes: Changes }> {
  const q = await requireQuestion(trx, eventId, id);
  if (!q.voteAlert) throw new DomainError('invalid_state', 'this question has no vote alert');
  // The thresholds stay in force for an alert raised before the alert was switched off.
  const rule = await ruleOfEvent(trx, eventId, true);
  if (!rule) throw new DomainError('not_found', 'this event no longer exists');
  const raw = (await recentVotes(trx, q, rule, now.getTime())) ?? [];
  const [votes] = await withJoinFacts(trx, eventId, people, [raw]);
  const burst: VoteBurst | null = detectVoteBurst(votes!, rule, clearedMs(q));
  const flagged = burst?.flagged ?? [];
  for (let i = 0; i < flagged.length; i += 300) {
    await trx.deleteFrom('votes').where('question_id', '=', id).where('attendee_id', 'in', flagged.slice(i, i + 300)).execute();
  }
  const cleared = now.toISOString();
  await trx
    .updateTable('questions')
    .set((eb) => ({ votes: eb('votes', '-', flagged.length), vote_alert: null, vote_alert_cleared: cleared }))
    .where('id', '=', id)
    .where('event_id', '=', eventId)
    .execute();
  const count = Math.max(0, q.votes - flagged.length);
  const after: QuestionRecord = { ...q, votes: count, voteAlert: null, voteAlertCleared: cleared };
  const staff: Change[] = [{ type: 'question:upsert', question: toMod(after) }];
  const pub: Change[] = flagged.length && isPublicState(q.state) ? [{ type: 'question:votes', counts: { [id]: count } }] : [];
  const personal = flagged.map((attendeeId) => ({ attendeeId, change: { type: 'qa:myVote' as const, id, voted: false } }));
  return { question: after, removed: flagged.length, changes: { staff, pub, personal } };
}
