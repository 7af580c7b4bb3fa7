/**
 * What each audience may see of a poll.
 *
 * - staff (organizer, moderator, facilitator): everything: drafts, full tallies, pending open-text
 *   answers, quiz questions with their correct answers.
 * - stage: polls that are not drafts, and their results ALWAYS (the issue: hidden results are for the
 *   moderator and the stage until revealed), the full word cloud, the running quiz question.
 * - attendee: polls that are not drafts; results only when `resultsVisible` says so; word clouds as the
 *   top words only; quizzes without questions ahead and without correct answers before the review.
 *
 * resultsVisible for attendees: live → while open and after; afterClose → once closed; hidden → never;
 * in every case a reveal (revealed = true) shows them. Drafts show nothing. Open-text walls follow the
 * same rule, and only approved answers are ever public.
 */
import type { Role } from '../../../shared/events/schemas.js';
import {
  POLL_LIMITS, type LeaderboardEntry, type OpenEntry, type PollResults, type PublicDefinition, type PublicPoll,
  type PublicQuizRun, type QuizRun, type StaffPoll, type TallyUpdate,
} from '../../../shared/polls/schemas.js';
import { tallyResults, type Tally } from './tally.js';
import type { PollRecord } from './types.js';

export type Audience = 'staff' | 'stage' | 'attendee';

export function audienceOf(role: Role): Audience {
  if (role === 'attendee') return 'attendee';
  // The speaker sits on the stage and its socket is in the stage room (the stage's own lists reach it).
  if (role === 'stage' || role === 'speaker') return 'stage';
  return 'staff';
}

export function pollVisible(p: Pick<PollRecord, 'status'>, audience: Audience): boolean {
  return audience === 'staff' || p.status !== 'draft';
}

export function resultsVisible(p: Pick<PollRecord, 'status' | 'settings' | 'revealed'>, audience: Audience): boolean {
  if (audience === 'staff') return true;
  if (p.status === 'draft') return false;
  if (audience === 'stage' || p.revealed) return true;
  switch (p.settings.results) {
    case 'live':
      return true;
    case 'afterClose':
      return p.status === 'closed';
    case 'hidden':
      return false;
  }
}

/** How many people answered: for a quiz, answers to the current (or last) question. */
export function responsesOf(p: PollRecord, tally: Tally): number {
  if (tally.kind !== 'quiz') return tally.responses;
  const def = p.definition.type === 'quiz' ? p.definition : null;
  const q = def && p.quiz && p.quiz.index >= 0 ? def.questions[p.quiz.index] : undefined;
  return q ? (tally.questions.get(q.id)?.answered ?? 0) : 0;
}

export interface QuizExtras {
  players: number;
  leaderboard: LeaderboardEntry[];
}

function quizRun(p: PollRecord, extras: QuizExtras | undefined): QuizRun | null {
  if (!p.quiz) return null;
  const showBoard = p.quiz.phase === 'review' || p.quiz.phase === 'finished';
  return { ...p.quiz, players: extras?.players ?? 0, leaderboard: showBoard ? (extras?.leaderboard ?? []) : [] };
}

export function staffView(p: PollRecord, tally: Tally, extras?: QuizExtras): StaffPoll {
  return {
    id: p.id,
    position: p.position,
    status: p.status,
    definition: p.definition,
    settings: p.settings,
    revealed: p.revealed,
    openedAt: p.openedAt,
    closesAt: p.closesAt,
    closedAt: p.closedAt,
    responses: responsesOf(p, tally),
    results: tallyResults(tally),
    quiz: quizRun(p, extras),
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  };
}

function publicDefinition(p: PollRecord): PublicDefinition {
  const d = p.definition;
  return d.type === 'quiz' ? { type: 'quiz', question: d.question, questionCount: d.questions.length } : d;
}

/** Results trimmed for a non-staff audience, or null when it may not see them. */
export function publicResults(p: PollRecord, tally: Tally, audience: Exclude<Audience, 'staff'>): PollResults | null {
  if (!resultsVisible(p, audience)) return null;
  const full = tallyResults(tally, audience === 'attendee' ? POLL_LIMITS.topWordsForAttendees : POLL_LIMITS.wordCloudTop);
  if (full.kind === 'open') return { ...full, pending: 0 };
  // Quiz counts reach attendees only through the run's current question (after its review).
  if (full.kind === 'quiz') return null;
  return full;
}

function publicQuizRun(p: PollRecord, tally: Tally, extras: QuizExtras | undefined): PublicQuizRun | null {
  const run = quizRun(p, extras);
  if (!run || p.definition.type !== 'quiz') return null;
  const q = run.index >= 0 ? p.definition.questions[run.index] : undefined;
  const reviewed = run.phase === 'review' || run.phase === 'finished';
  const qt = q && tally.kind === 'quiz' ? tally.questions.get(q.id) : undefined;
  return {
    ...run,
    questionCount: p.definition.questions.length,
    question: q
      ? {
          id: q.id,
          text: q.text,
          kind: q.kind,
          options: q.options,
          timeLimitSec: q.timeLimitSec,
          correct: reviewed ? q.correct : null,
          counts: reviewed && qt ? Object.fromEntries(qt.counts) : null,
          answered: reviewed && qt ? qt.answered : null,
        }
      : null,
  };
}

export function publicView(p: PollRecord, tally: Tally, audience: Exclude<Audience, 'staff'>, extras?: QuizExtras): PublicPoll {
  const { results, identity, allowChange, timerSec } = p.settings;
  return {
    id: p.id,
    position: p.position,
    status: p.status,
    definition: publicDefinition(p),
    settings: { results, identity, allowChange, timerSec },
    openedAt: p.openedAt,
    closesAt: p.closesAt,
    closedAt: p.closedAt,
    responses: responsesOf(p, tally),
    results: publicResults(p, tally, audience),
    quiz: publicQuizRun(p, tally, extras),
  };
}

/** The view of a poll for an audience, or null when it may not see the poll at all. */
export function pollViewFor(p: PollRecord, tally: Tally, audience: Audience, extras?: QuizExtras): StaffPoll | PublicPoll | null {
  if (!pollVisible(p, audience)) return null;
  return audience === 'staff' ? staffView(p, tally, extras) : publicView(p, tally, audience, extras);
}

/** One entry of a coalesced polls:tallies change, or null when the audience may not see the poll. */
export function tallyUpdateFor(p: PollRecord, tally: Tally, audience: Audience): TallyUpdate | null {
  if (!pollVisible(p, audience)) return null;
  return {
    responses: responsesOf(p, tally),
    results: audience === 'staff' ? tallyResults(tally) : publicResults(p, tally, audience),
  };
}

/** Open-text entries an audience may see: staff all; others approved ones of polls whose results they see. */
export function entryVisible(entry: Pick<OpenEntry, 'state'>, p: PollRecord, audience: Audience): boolean {
  if (audience === 'staff') return true;
  return entry.state === 'approved' && resultsVisible(p, audience);
}

/**
 * The coalesced `polls:tallies` change for one audience from the polls whose counts changed since the last
 * flush (the handler's ≤ 10/s timer collects them); null when the audience may see none of them.
 */
export function talliesChangeFor(
  dirty: readonly { poll: PollRecord; tally: Tally }[],
  audience: Audience,
): { type: 'polls:tallies'; polls: Record<string, TallyUpdate> } | null {
  const polls: Record<string, TallyUpdate> = {};
  for (const { poll, tally } of dirty) {
    const update = tallyUpdateFor(poll, tally, audience);
    if (update) polls[poll.id] = update;
  }
  return Object.keys(polls).length ? { type: 'polls:tallies', polls } : null;
}
