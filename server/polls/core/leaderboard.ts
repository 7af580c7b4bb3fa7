/**
 * Leaderboards with shared ranks: equal scores share a rank and the next rank skips ("1, 1, 3"), as in
 * sports tables. Order inside a tie: by nickname (German collation), so the list is stable.
 */
import type { LeaderboardEntry } from '../../../shared/polls/schemas.js';

export interface PlayerScore {
  attendeeId: string;
  nickname: string;
  score: number;
  correct: number;
}

export type RankedPlayer = PlayerScore & { rank: number };

export function rankPlayers(players: readonly PlayerScore[]): RankedPlayer[] {
  const sorted = [...players].sort((a, b) => b.score - a.score || a.nickname.localeCompare(b.nickname, 'de') || (a.attendeeId < b.attendeeId ? -1 : 1));
  let rank = 0;
  return sorted.map((p, i) => {
    if (i === 0 || p.score !== sorted[i - 1]!.score) rank = i + 1;
    return { ...p, rank };
  });
}

/** The wire form (no attendee ids), the first `limit` places; ties at the cut stay in. */
export function leaderboardEntries(ranked: readonly RankedPlayer[], limit: number): LeaderboardEntry[] {
  const cut = ranked[limit - 1]?.rank;
  return ranked
    .filter((p, i) => i < limit || (cut !== undefined && p.rank === cut))
    .map(({ rank, nickname, score, correct }) => ({ rank, nickname, score, correct }));
}
