/**
 * One timer per poll with a deadline: an open poll's closesAt, or a running quiz question's end (plus
 * the grace period). The timer only says "look again"; the new state comes from the core's expirePoll /
 * expireQuizQuestion in the event's queue. Re-armed from the database on start, so a restarted server
 * keeps the original end times (a deadline that passed while it was down fires at once).
 */
import { QUIZ_GRACE_MS } from '../../shared/polls/schemas.js';
import type { PollRecord } from './core/types.js';

const MAX_DELAY = 2_147_483_647;

export function pollDeadline(p: Pick<PollRecord, 'status' | 'closesAt' | 'quiz'>): number | null {
  if (p.status !== 'open') return null;
  if (p.quiz?.phase === 'question' && p.quiz.questionEndsAt) return Date.parse(p.quiz.questionEndsAt) + QUIZ_GRACE_MS;
  return p.closesAt ? Date.parse(p.closesAt) : null;
}

export class PollTimers {
  private readonly timers = new Map<string, { eventId: string; at: number; handle: NodeJS.Timeout }>();

  constructor(
    private readonly onDue: (eventId: string, pollId: string) => void,
    private readonly clock: () => number,
  ) {}

  sync(p: Pick<PollRecord, 'id' | 'eventId' | 'status' | 'closesAt' | 'quiz'>): void {
    const at = pollDeadline(p);
    const current = this.timers.get(p.id);
    if (current && current.at === at) return;
    this.disarm(p.id);
    if (at === null) return;
    const delay = Math.min(MAX_DELAY, Math.max(0, at - this.clock()));
    const handle = setTimeout(() => {
      if (this.timers.get(p.id)?.handle !== handle) return;
      this.timers.delete(p.id);
      this.onDue(p.eventId, p.id);
    }, delay);
    this.timers.set(p.id, { eventId: p.eventId, at, handle });
  }

  disarm(pollId: string): void {
    const current = this.timers.get(pollId);
    if (current) clearTimeout(current.handle);
    this.timers.delete(pollId);
  }

  forgetEvent(eventId: string): void {
    for (const [id, t] of this.timers) if (t.eventId === eventId) this.disarm(id);
  }

  stop(): void {
    for (const id of [...this.timers.keys()]) this.disarm(id);
  }
}
