/**
 * The round state machine: draft → running → closing → closed. Pure: the time is a parameter, and the
 * shell arms a timer for `nextDeadline` and calls `advance` when it fires (also after a restart, when the
 * deadline may long have passed: advance then walks through every step that is due).
 */
import { DomainError } from '../../../shared/errors.js';
import { isActive, type RoundState } from './types.js';

const iso = (ms: number) => new Date(ms).toISOString();
const ms = (at: string) => Date.parse(at);

export function start(round: RoundState, others: readonly RoundState[], durationSec: number | undefined, now: Date): RoundState {
  if (round.status !== 'draft') throw new DomainError('invalid_state', `only a planned round can start; this one is ${round.status}`);
  const busy = others.find((r) => r.id !== round.id && isActive(r));
  if (busy) throw new DomainError('invalid_state', `round ${busy.number} is still ${busy.status}; close it first`);
  const duration = durationSec ?? round.durationSec;
  return {
    ...round,
    status: 'running',
    durationSec: duration,
    startedAt: now.toISOString(),
    endsAt: iso(now.getTime() + duration * 1000),
    closingEndsAt: null,
    closedAt: null,
  };
}

/** More (or, with negative seconds, less) time. Shortening past now ends the discussion now. */
export function extend(round: RoundState, seconds: number, now: Date): RoundState {
  if (round.status !== 'running' || !round.endsAt || !round.startedAt) {
    throw new DomainError('invalid_state', `only a running round can be extended; this one is ${round.status}`);
  }
  const endsAt = Math.max(now.getTime(), ms(round.endsAt) + seconds * 1000);
  const durationSec = Math.max(1, Math.round((endsAt - ms(round.startedAt)) / 1000));
  return { ...round, endsAt: iso(endsAt), durationSec };
}

/**
 * Calls everyone back: a countdown of `countdownSec`, or closed at once with 0. Closing an already
 * closing round can only bring the end closer.
 */
export function close(round: RoundState, countdownSec: number, now: Date): RoundState {
  if (!isActive(round)) throw new DomainError('invalid_state', `only a running round can be closed; this one is ${round.status}`);
  const t = now.getTime();
  let closingEnds = t + countdownSec * 1000;
  if (round.status === 'closing' && round.closingEndsAt) closingEnds = Math.min(closingEnds, ms(round.closingEndsAt));
  // The discussion time ends now (the countdowns then show the call back, not time left to talk).
  const endsAt = round.endsAt ? iso(Math.min(ms(round.endsAt), t)) : iso(t);
  if (closingEnds <= t) return { ...round, status: 'closed', endsAt, closingEndsAt: iso(t), closedAt: iso(t) };
  return { ...round, status: 'closing', endsAt, closingEndsAt: iso(closingEnds) };
}

/**
 * Timer step: a running round whose time is up starts closing (closingSec after endsAt), a closing round
 * whose countdown is over is closed. Times derive from the deadlines, not from `now`, so a late timer
 * (or a restart) lands on the same state as a punctual one.
 */
export function advance(round: RoundState, now: Date, closingSec: number): RoundState {
  let r = round;
  const t = now.getTime();
  if (r.status === 'running' && r.endsAt && ms(r.endsAt) <= t) {
    const closingEnds = ms(r.endsAt) + closingSec * 1000;
    r = { ...r, status: 'closing', closingEndsAt: iso(closingEnds) };
  }
  if (r.status === 'closing' && r.closingEndsAt && ms(r.closingEndsAt) <= t) {
    r = { ...r, status: 'closed', closedAt: r.closingEndsAt };
  }
  return r;
}

/** When the round needs the next `advance`, or null when no timer is due. */
export function nextDeadline(round: Pick<RoundState, 'status' | 'endsAt' | 'closingEndsAt'>): number | null {
  if (round.status === 'running' && round.endsAt) return ms(round.endsAt);
  if (round.status === 'closing' && round.closingEndsAt) return ms(round.closingEndsAt);
  return null;
}

export function assertDraft(round: RoundState, what: string): void {
  if (round.status !== 'draft') throw new DomainError('invalid_state', `${what} only a planned round; this one is ${round.status}`);
}
