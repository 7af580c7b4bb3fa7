/**
 * Quota accounting for the installation's one API key. Pure: time is a parameter (epoch ms).
 *
 * Google's rules (YouTube Data API v3, "Quota usage"): every project has 10,000 units a day by default;
 * liveChatMessages.list costs 5 units, videos.list 1 unit; every request that reaches the API costs,
 * even an invalid one; the daily quota resets at midnight Pacific Time (America/Los_Angeles).
 *
 * Pacific Time is UTC−8 (PST), and UTC−7 (PDT) from the second Sunday in March, 2:00 local (10:00 UTC),
 * to the first Sunday in November, 2:00 local (09:00 UTC) — the US rule in force since 2007.
 */

export const DEFAULT_DAILY_QUOTA = 10_000;
export const COST = { messages: 5, video: 1 } as const;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The nth (1-based) Sunday of a month (0-based month), as a day of the month. */
function nthSunday(year: number, month: number, n: number): number {
  const firstDow = new Date(Date.UTC(year, month, 1)).getUTCDay();
  return 1 + ((7 - firstDow) % 7) + (n - 1) * 7;
}

/** UTC offset of US Pacific time at that instant, in minutes: −420 (PDT) or −480 (PST). */
export function pacificOffsetMinutes(utcMs: number): -420 | -480 {
  const year = new Date(utcMs).getUTCFullYear();
  const dstStart = Date.UTC(year, 2, nthSunday(year, 2, 2), 10);
  const dstEnd = Date.UTC(year, 10, nthSunday(year, 10, 1), 9);
  return utcMs >= dstStart && utcMs < dstEnd ? -420 : -480;
}

/** The Pacific calendar day of that instant, 'YYYY-MM-DD' — the day the quota counts in. */
export function pacificDay(utcMs: number): string {
  return new Date(utcMs + pacificOffsetMinutes(utcMs) * 60_000).toISOString().slice(0, 10);
}

/** The next midnight Pacific time after that instant (the next quota reset), epoch ms. */
export function nextPacificMidnight(utcMs: number): number {
  const local = new Date(utcMs + pacificOffsetMinutes(utcMs) * 60_000);
  const nextLocalMidnightAsUtc = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + 1);
  // Local midnight is 07:00 or 08:00 UTC; transitions happen at 09:00/10:00 UTC (2:00 local), so the
  // offset at 06:00 UTC of that date is the one in force at its midnight.
  const offset = pacificOffsetMinutes(nextLocalMidnightAsUtc + 6 * HOUR);
  return nextLocalMidnightAsUtc - offset * 60_000;
}

/** Units used per Pacific day, installation-wide, with a per-event breakdown. Plain data (persistable). */
export interface QuotaLedger {
  day: string;
  used: number;
  byEvent: Record<string, number>;
  /** Google said quotaExceeded: no request until then (the next reset), whatever `used` says. */
  exhaustedUntil: number | null;
}

export function emptyLedger(now: number): QuotaLedger {
  return { day: pacificDay(now), used: 0, byEvent: {}, exhaustedUntil: null };
}

/** The ledger as of `now`: a new Pacific day starts from zero. */
export function currentLedger(ledger: QuotaLedger, now: number): QuotaLedger {
  const day = pacificDay(now);
  if (ledger.day !== day) return emptyLedger(now);
  if (ledger.exhaustedUntil !== null && now >= ledger.exhaustedUntil) return { ...ledger, exhaustedUntil: null };
  return ledger;
}

export function charge(ledger: QuotaLedger, eventId: string, units: number, now: number): QuotaLedger {
  const cur = currentLedger(ledger, now);
  return { ...cur, used: cur.used + units, byEvent: { ...cur.byEvent, [eventId]: (cur.byEvent[eventId] ?? 0) + units } };
}

export function markExhausted(ledger: QuotaLedger, now: number): QuotaLedger {
  return { ...currentLedger(ledger, now), exhaustedUntil: nextPacificMidnight(now) };
}

/** Whether a call of `units` fits today's budget; if not, when it will (the next reset). */
export function canSpend(ledger: QuotaLedger, units: number, dailyLimit: number, now: number): { ok: true } | { ok: false; until: number } {
  const cur = currentLedger(ledger, now);
  if (cur.exhaustedUntil !== null) return { ok: false, until: cur.exhaustedUntil };
  if (cur.used + units > dailyLimit) return { ok: false, until: nextPacificMidnight(now) };
  return { ok: true };
}

/** Units a broadcast of `hours` costs when the chat is read every `intervalMs` (plus the chat lookup). */
export function estimateUnits(hours: number, intervalMs: number): number {
  return Math.ceil((hours * HOUR) / Math.max(1, intervalMs)) * COST.messages + COST.video;
}

/** The shortest interval that keeps a broadcast of `hours` within `budget` units. */
export function minIntervalForBudget(hours: number, budget: number): number {
  const calls = Math.max(1, Math.floor((budget - COST.video) / COST.messages));
  return Math.ceil((hours * HOUR) / calls);
}

export { DAY as QUOTA_DAY_MS };
