import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff.js';
import {
  canSpend,
  charge,
  currentLedger,
  emptyLedger,
  estimateUnits,
  markExhausted,
  minIntervalForBudget,
  nextPacificMidnight,
  pacificDay,
  pacificOffsetMinutes,
} from './quota.js';

const t = (s: string) => Date.parse(s);

function intlOffset(ms: number): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: 'America/Los_Angeles', timeZoneName: 'shortOffset' }).formatToParts(new Date(ms));
  const name = parts.find((p) => p.type === 'timeZoneName')!.value; // "GMT-8"
  return Number(name.replace('GMT', '')) * 60;
}

describe('Pacific time', () => {
  it('switches to PDT on the second Sunday of March at 10:00 UTC and back on the first Sunday of November at 09:00 UTC', () => {
    expect(pacificOffsetMinutes(t('2026-03-08T09:59:59Z'))).toBe(-480);
    expect(pacificOffsetMinutes(t('2026-03-08T10:00:00Z'))).toBe(-420);
    expect(pacificOffsetMinutes(t('2026-11-01T08:59:59Z'))).toBe(-420);
    expect(pacificOffsetMinutes(t('2026-11-01T09:00:00Z'))).toBe(-480);
    expect(pacificOffsetMinutes(t('2027-03-14T10:00:00Z'))).toBe(-420);
    expect(pacificOffsetMinutes(t('2027-03-13T10:00:00Z'))).toBe(-480);
  });

  it('agrees with the system time zone database every 7 hours over three years', () => {
    const differ: string[] = [];
    for (let ms = t('2025-01-01T00:00:00Z'); ms < t('2028-01-01T00:00:00Z'); ms += 7 * 3_600_000 + 60_000) {
      if (pacificOffsetMinutes(ms) !== intlOffset(ms)) differ.push(new Date(ms).toISOString());
    }
    expect(differ).toEqual([]);
  });

  it('the quota day is the Pacific calendar day; the reset is the next Pacific midnight', () => {
    // 07:59 UTC in winter is 23:59 the day before in Los Angeles.
    expect(pacificDay(t('2026-12-01T07:59:00Z'))).toBe('2026-11-30');
    expect(pacificDay(t('2026-12-01T08:00:00Z'))).toBe('2026-12-01');
    expect(new Date(nextPacificMidnight(t('2026-11-30T10:00:00Z'))).toISOString()).toBe('2026-12-01T08:00:00.000Z');
    expect(new Date(nextPacificMidnight(t('2026-07-01T10:00:00Z'))).toISOString()).toBe('2026-07-02T07:00:00.000Z');
    // The day before the spring change: midnight is still PST; the day of: the next midnight is PDT.
    expect(new Date(nextPacificMidnight(t('2026-03-07T12:00:00Z'))).toISOString()).toBe('2026-03-08T08:00:00.000Z');
    expect(new Date(nextPacificMidnight(t('2026-03-08T12:00:00Z'))).toISOString()).toBe('2026-03-09T07:00:00.000Z');
    expect(new Date(nextPacificMidnight(t('2026-10-31T12:00:00Z'))).toISOString()).toBe('2026-11-01T07:00:00.000Z');
    expect(new Date(nextPacificMidnight(t('2026-11-01T12:00:00Z'))).toISOString()).toBe('2026-11-02T08:00:00.000Z');
  });
});

describe('quota ledger', () => {
  const now = t('2026-11-30T10:00:00Z');

  it('charges per event and in total, and starts from zero on a new Pacific day', () => {
    let l = emptyLedger(now);
    l = charge(l, 'e1', 5, now);
    l = charge(l, 'e2', 1, now);
    l = charge(l, 'e1', 5, now);
    expect(l).toMatchObject({ used: 11, byEvent: { e1: 10, e2: 1 } });
    const tomorrow = t('2026-12-01T08:00:00Z');
    expect(currentLedger(l, tomorrow)).toMatchObject({ day: '2026-12-01', used: 0, byEvent: {} });
  });

  it('refuses calls beyond the daily limit until the reset', () => {
    let l = charge(emptyLedger(now), 'e', 9_996, now);
    expect(canSpend(l, 5, 10_000, now)).toEqual({ ok: false, until: t('2026-12-01T08:00:00Z') });
    expect(canSpend(l, 1, 10_000, now)).toEqual({ ok: true });
    l = markExhausted(emptyLedger(now), now);
    expect(canSpend(l, 1, 10_000, now)).toEqual({ ok: false, until: t('2026-12-01T08:00:00Z') });
    expect(canSpend(l, 1, 10_000, t('2026-12-01T08:00:01Z'))).toEqual({ ok: true });
  });

  it('estimates a three-hour broadcast', () => {
    expect(estimateUnits(3, 6_000)).toBe(1_800 * 5 + 1);
    expect(estimateUnits(3, 2_000)).toBe(5_400 * 5 + 1); // 27,001: far beyond 10,000 at YouTube's usual interval
    expect(minIntervalForBudget(3, 10_000)).toBe(5_403); // 1,999 reads fit in 9,999 units
    expect(estimateUnits(3, minIntervalForBudget(3, 10_000))).toBeLessThanOrEqual(10_000);
  });
});

describe('backoffDelay', () => {
  const policy = { baseMs: 1_000, capMs: 30_000 };
  it('doubles per attempt, equal jitter in [d/2, d), capped', () => {
    expect([1, 2, 3, 4].map((a) => backoffDelay(a, policy, 0))).toEqual([500, 1_000, 2_000, 4_000]);
    expect(backoffDelay(1, policy, 0.5)).toBe(750);
    expect(backoffDelay(1, policy, 0.999_999_9)).toBeLessThan(1_000);
    expect(backoffDelay(20, policy, 0)).toBe(15_000);
    expect(backoffDelay(20, policy, 0.99)).toBeLessThan(30_000);
    expect(backoffDelay(1_000, policy, 0)).toBe(15_000);
    expect(backoffDelay(0, policy, 0)).toBe(500);
  });
});
