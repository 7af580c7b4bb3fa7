/**
 * The polls of an event in memory: records, incremental tallies, answers, quiz players and answers.
 * Loaded once per event from the database (inside a transaction) and changed only inside the event's
 * serial queue; a failed commit drops the event's state, so the next command reloads what was committed.
 */
import { findEventById, rowToInfo } from '../events/repository.js';
import type { Db } from '../kernel/feature.js';
import { applyQuizAnswer, emptyTally, recomputeTally, type Tally } from './core/tally.js';
import type { BlockedMatcher, PollRecord, QuizAnswerRecord } from './core/types.js';
import { loadEventRows, type StoredAnswer } from './repository.js';

export interface PollState {
  record: PollRecord;
  tally: Tally;
  /** attendeeId → their answer (non-quiz polls). */
  answers: Map<string, StoredAnswer>;
  /** Quiz answers in arrival order, and `${attendeeId}\u0000${questionId}` of each. */
  quizAnswers: QuizAnswerRecord[];
  quizAnswered: Set<string>;
  /** attendeeId → nickname. */
  players: Map<string, string>;
}

export interface EventPolls {
  polls: Map<string, PollState>;
  presentedId: string | null;
  isBlocked: BlockedMatcher;
}

/** The event's blocked words (Q&A settings) as a word matcher: the word cloud leaves them out. */
export function blockedMatcher(words: readonly string[]): BlockedMatcher {
  const set = new Set(words.map((w) => w.toLocaleLowerCase('de')));
  if (set.size === 0) return () => false;
  return (text) => {
    const lower = text.toLocaleLowerCase('de');
    if (set.has(lower.trim())) return true;
    return lower.split(/[^\p{L}\p{N}]+/u).some((t) => t !== '' && set.has(t));
  };
}

export const quizKey = (attendeeId: string, questionId: string) => `${attendeeId}\u0000${questionId}`;

export function newPollState(record: PollRecord): PollState {
  return { record, tally: emptyTally(record.definition), answers: new Map(), quizAnswers: [], quizAnswered: new Set(), players: new Map() };
}

/** Polls in list order. */
export function ordered(ev: EventPolls): PollState[] {
  return [...ev.polls.values()].sort((a, b) => a.record.position - b.record.position);
}

export class PollsStore {
  private readonly events = new Map<string, EventPolls>();

  async get(db: Db, eventId: string): Promise<EventPolls> {
    const cached = this.events.get(eventId);
    if (cached) return cached;
    const loaded = await this.load(db, eventId);
    // A concurrent reader may have loaded it meanwhile; the first one wins so nobody holds a stale copy.
    const again = this.events.get(eventId);
    if (again) return again;
    this.events.set(eventId, loaded);
    return loaded;
  }

  peek(eventId: string): EventPolls | undefined {
    return this.events.get(eventId);
  }

  drop(eventId: string): void {
    this.events.delete(eventId);
  }

  private async load(db: Db, eventId: string): Promise<EventPolls> {
    const row = await findEventById(db, eventId);
    const isBlocked = blockedMatcher(row ? rowToInfo(row).settings.qa.blockedWords : []);
    const rows = await loadEventRows(db, eventId);
    const polls = new Map<string, PollState>();
    for (const record of rows.polls) {
      const answers = rows.answers.filter((a) => a.pollId === record.id);
      const quizAnswers = rows.quizAnswers.filter((a) => a.pollId === record.id);
      const tally = recomputeTally(record.definition, answers, { isBlocked });
      for (const a of quizAnswers) applyQuizAnswer(tally, a);
      polls.set(record.id, {
        record,
        tally,
        answers: new Map(answers.map((a) => [a.attendeeId, a])),
        quizAnswers,
        quizAnswered: new Set(quizAnswers.map((a) => quizKey(a.attendeeId, a.questionId))),
        players: new Map(rows.players.filter((p) => p.pollId === record.id).map((p) => [p.attendeeId, p.nickname])),
      });
    }
    return { polls, presentedId: rows.presentedId, isBlocked };
  }
}
