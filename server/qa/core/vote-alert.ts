/**
 * Ballot stuffing, the pure part: does a question show a burst of NEW identities voting for it?
 *
 * A vote is "new" when its voter's identity was created at most `newWithinMs` before the vote. A vote is
 * flagged when some time window of `windowMs` contains it and at least `votes` new votes (on this
 * question, after the moderator's last dismissal). The alert counts the flagged votes, says when the first
 * of them came, and how many of them came from identities that joined from one and the same address (the
 * largest such group; the people module tags identities per address and event without storing addresses).
 *
 * Long-present attendees never count, however many vote at once; new attendees trickling in never reach
 * `votes` within one window. The input order does not matter (votes are sorted here). No clock, no IO.
 */
import type { VoteAlert } from '../../../shared/qa/schemas.js';

export interface VoteAlertRule {
  /** How many new votes within one window raise the alert (N). */
  votes: number;
  /** The window (W). */
  windowMs: number;
  /** A voter is new when their identity is at most this old at the moment of the vote (T). */
  newWithinMs: number;
}

export interface RecentVote {
  attendeeId: string;
  /** When the vote was cast (epoch ms). */
  votedAt: number;
  /** When the voter's identity was created (epoch ms). */
  joinedAt: number;
  /** Identities created from one address share a tag (per event); null when unknown (roster, older rows). */
  joinTag: string | null;
}

export interface VoteBurst {
  alert: VoteAlert;
  /** The voters whose votes are flagged (what "discount" removes). */
  flagged: string[];
}

export const isNewVote = (v: RecentVote, rule: VoteAlertRule): boolean => v.votedAt - v.joinedAt <= rule.newWithinMs;

/**
 * The burst among these votes, or null. `clearedAt`: votes at or before it were dismissed (or discounted)
 * by a moderator and count no more.
 */
export function detectVoteBurst(votes: readonly RecentVote[], rule: VoteAlertRule, clearedAt: number | null = null): VoteBurst | null {
  const need = Math.max(1, Math.floor(rule.votes));
  const fresh = votes
    .filter((v) => (clearedAt === null || v.votedAt > clearedAt) && isNewVote(v, rule))
    .sort((a, b) => a.votedAt - b.votedAt || (a.attendeeId < b.attendeeId ? -1 : a.attendeeId > b.attendeeId ? 1 : 0));
  if (fresh.length < need) return null;
  // For each first vote i of a window, the last vote r within windowMs of it; [i, r] with ≥ need votes is a
  // burst window and every vote in it is flagged (a difference array marks the ranges in O(n)).
  const mark = new Array<number>(fresh.length + 1).fill(0);
  let r = 0;
  for (let i = 0; i < fresh.length; i++) {
    if (r < i) r = i;
    while (r + 1 < fresh.length && fresh[r + 1]!.votedAt - fresh[i]!.votedAt <= rule.windowMs) r++;
    if (r - i + 1 >= need) {
      mark[i]!++;
      mark[r + 1]!--;
    }
  }
  const flagged: RecentVote[] = [];
  let open = 0;
  for (let i = 0; i < fresh.length; i++) {
    open += mark[i]!;
    if (open > 0) flagged.push(fresh[i]!);
  }
  if (flagged.length === 0) return null;
  const perTag = new Map<string, number>();
  for (const v of flagged) if (v.joinTag !== null) perTag.set(v.joinTag, (perTag.get(v.joinTag) ?? 0) + 1);
  const shared = Math.max(0, ...perTag.values());
  return {
    alert: {
      newVoters: flagged.length,
      // One identity is not "shared": only a group of two or more from one address counts.
      sharedAddress: shared >= 2 ? shared : 0,
      since: new Date(flagged[0]!.votedAt).toISOString(),
    },
    flagged: flagged.map((v) => v.attendeeId),
  };
}

/** How far back the vote path must read so that the detector sees every vote the alert can count. */
export function lookbackFrom(now: number, rule: VoteAlertRule, current: VoteAlert | null, clearedAt: number | null): number {
  const since = current ? Math.min(Date.parse(current.since), now) : now;
  const from = since - rule.windowMs;
  return clearedAt === null ? from : Math.max(from, clearedAt);
}

export function sameAlert(a: VoteAlert | null, b: VoteAlert | null): boolean {
  if (a === null || b === null) return a === b;
  return a.newVoters === b.newVoters && a.sharedAddress === b.sharedAddress && a.since === b.since;
}

/** The rule of an event's settings, or null when the alert is off. */
export function ruleOf(settings: { voteAlert: boolean; voteAlertVotes: number; voteAlertWindowSeconds: number; voteAlertNewMinutes: number }): VoteAlertRule | null {
  if (!settings.voteAlert) return null;
  return { votes: settings.voteAlertVotes, windowMs: settings.voteAlertWindowSeconds * 1000, newWithinMs: settings.voteAlertNewMinutes * 60_000 };
}
