/**
 * Per-audience changes of the polls module. Three audiences: staff, attendees (`pub`) and the stage
 * (`stage`, which sees results attendees may not: the kernel sends it its own list with the same seq).
 * Every builder goes through core/visibility.ts, so hidden results never reach an attendee.
 */
import { POLL_LIMITS, type MyAnswer, type MyQuiz, type OpenEntry } from '../../shared/polls/schemas.js';
import type { Change } from '../../shared/socket.js';
import type { Changes } from '../kernel/feature.js';
import { leaderboardEntries, type RankedPlayer } from './core/leaderboard.js';
import { myQuizView, quizStandings } from './core/quiz.js';
import type { QuizPlayer } from './core/types.js';
import { entryVisible, pollViewFor, pollVisible, resultsVisible, type Audience, type QuizExtras } from './core/visibility.js';
import type { StoredAnswer } from './repository.js';
import type { EventPolls, PollState } from './state.js';
import { ordered } from './state.js';

export type PollsChanges = Partial<Changes> & { staff: Change[]; pub: Change[]; stage: Change[]; personal: NonNullable<Changes['personal']> };

export function emptyChanges(): PollsChanges {
  return { staff: [], pub: [], stage: [], personal: [] };
}

const AUDIENCE_KEY = { staff: 'staff', attendee: 'pub', stage: 'stage' } as const;
export const AUDIENCES: readonly Audience[] = ['staff', 'attendee', 'stage'];

export function players(ps: PollState): QuizPlayer[] {
  return [...ps.players].map(([attendeeId, nickname]) => ({ attendeeId, nickname }));
}

export function standings(ps: PollState): RankedPlayer[] {
  return quizStandings(ps.record, players(ps), ps.quizAnswers);
}

export function extrasOf(ps: PollState): QuizExtras | undefined {
  if (ps.record.definition.type !== 'quiz') return undefined;
  const phase = ps.record.quiz?.phase;
  const board = phase === 'review' || phase === 'finished' ? leaderboardEntries(standings(ps), POLL_LIMITS.leaderboardTop) : [];
  return { players: ps.players.size, leaderboard: board };
}

export function viewFor(ps: PollState, audience: Audience) {
  return pollViewFor(ps.record, ps.tally, audience, extrasOf(ps));
}

export function entryOf(ps: PollState, a: StoredAnswer): OpenEntry {
  return {
    id: a.id,
    pollId: a.pollId,
    text: a.answer.type === 'open' ? a.answer.text : '',
    name: ps.record.settings.identity === 'named' ? a.name : null,
    state: a.openState ?? 'pending',
    createdAt: a.answeredAt,
  };
}

export function openEntries(ps: PollState): OpenEntry[] {
  if (ps.record.definition.type !== 'open') return [];
  return [...ps.answers.values()].map((a) => entryOf(ps, a));
}

/**
 * The poll after a change, for every audience: upsert where visible, remove where it was visible before
 * and is not now (a reset turns it into a draft). When the results' visibility for an audience changes,
 * the open-text wall follows: approved entries sent, or taken away.
 */
export function pollChanged(out: PollsChanges, ps: PollState, before: PollState['record'] | null): PollsChanges {
  for (const audience of AUDIENCES) {
    const list = out[AUDIENCE_KEY[audience]];
    const view = viewFor(ps, audience);
    if (view) list.push({ type: 'polls:upsert', poll: view });
    else if (before && pollVisible(before, audience)) list.push({ type: 'polls:remove', id: ps.record.id });
    if (audience === 'staff' || ps.record.definition.type !== 'open') continue;
    const nowSees = resultsVisible(ps.record, audience);
    const sawBefore = before ? resultsVisible(before, audience) : false;
    const approved = openEntries(ps).filter((e) => e.state === 'approved');
    if (nowSees && !sawBefore && approved.length) list.push({ type: 'polls:entries', entries: approved });
    if (!nowSees && sawBefore && approved.length) list.push({ type: 'polls:entriesRemove', pollId: ps.record.id, ids: approved.map((e) => e.id) });
  }
  return out;
}

/** The list order per audience (attendees and the stage do not learn about drafts). */
export function orderChanged(out: PollsChanges, ev: EventPolls): PollsChanges {
  const all = ordered(ev);
  out.staff.push({ type: 'polls:order', ids: all.map((p) => p.record.id) });
  const pub = all.filter((p) => pollVisible(p.record, 'attendee')).map((p) => p.record.id);
  out.pub.push({ type: 'polls:order', ids: pub });
  out.stage.push({ type: 'polls:order', ids: pub });
  return out;
}

/** Open-text entries that changed (new, edited, reviewed): staff all, others when on the wall. */
export function entriesChanged(out: PollsChanges, ps: PollState, changed: readonly { entry: OpenEntry; wasApproved: boolean }[]): PollsChanges {
  if (!changed.length) return out;
  out.staff.push({ type: 'polls:entries', entries: changed.map((c) => c.entry) });
  for (const audience of ['attendee', 'stage'] as const) {
    const list = out[AUDIENCE_KEY[audience]];
    const shown = changed.filter((c) => entryVisible(c.entry, ps.record, audience)).map((c) => c.entry);
    const gone = changed.filter((c) => c.wasApproved && !entryVisible(c.entry, ps.record, audience)).map((c) => c.entry.id);
    if (shown.length) list.push({ type: 'polls:entries', entries: shown });
    if (gone.length) list.push({ type: 'polls:entriesRemove', pollId: ps.record.id, ids: gone });
  }
  return out;
}

/** Open-text entries their authors deleted: staff always, the wall's audiences when it was on their wall. */
export function entriesRemoved(out: PollsChanges, ps: PollState, removed: readonly { id: string; wasApproved: boolean }[]): PollsChanges {
  if (!removed.length) return out;
  const pollId = ps.record.id;
  out.staff.push({ type: 'polls:entriesRemove', pollId, ids: removed.map((r) => r.id) });
  for (const audience of ['attendee', 'stage'] as const) {
    const ids = resultsVisible(ps.record, audience) ? removed.filter((r) => r.wasApproved).map((r) => r.id) : [];
    if (ids.length) out[AUDIENCE_KEY[audience]].push({ type: 'polls:entriesRemove', pollId, ids });
  }
  return out;
}

export function myAnswerOf(a: StoredAnswer | undefined, pollId: string): MyAnswer {
  return a
    ? { pollId, answer: a.answer, answeredAt: a.answeredAt, openState: a.openState }
    : { pollId, answer: null, answeredAt: null, openState: null };
}

export function myQuizOf(ps: PollState, attendeeId: string, ranked: readonly RankedPlayer[] = standings(ps)): MyQuiz {
  return myQuizView(ps.record, attendeeId, ps.players.get(attendeeId) ?? null, ps.quizAnswers, ranked);
}

/** Every player's own quiz state again (after a review: correctness and points become visible). */
export function quizPersonal(out: PollsChanges, ps: PollState): PollsChanges {
  const ranked = standings(ps);
  const ids = new Set([...ps.players.keys(), ...ps.quizAnswers.map((a) => a.attendeeId)]);
  for (const attendeeId of ids) out.personal.push({ attendeeId, change: { type: 'polls:myQuiz', quiz: myQuizOf(ps, attendeeId, ranked) } });
  return out;
}

export function isEmpty(c: PollsChanges): boolean {
  return !c.staff.length && !c.pub.length && !c.stage.length && !c.personal.length;
}
