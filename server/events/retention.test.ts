import { describe, expect, it } from 'vitest';
import { eventEnd, expiredEvents } from './retention.js';

const day = 24 * 60 * 60 * 1000;
const now = Date.parse('2026-11-30T12:00:00Z');
const iso = (msAgo: number) => new Date(now - msAgo).toISOString();

describe('retention', () => {
  it('an event ends at the later of its start and its last change', () => {
    expect(eventEnd({ id: 'a', startsAt: iso(10 * day), lastActiveAt: iso(2 * day), createdAt: iso(30 * day) })).toBe(now - 2 * day);
    expect(eventEnd({ id: 'a', startsAt: iso(-5 * day), lastActiveAt: iso(2 * day), createdAt: iso(30 * day) })).toBe(now + 5 * day);
    expect(eventEnd({ id: 'a', startsAt: null, lastActiveAt: null, createdAt: iso(30 * day) })).toBe(now - 30 * day);
  });

  it('deletes only events whose end lies more than the retention period back; 0 keeps everything', () => {
    const events = [
      { id: 'old', startsAt: iso(200 * day), lastActiveAt: iso(91 * day), createdAt: iso(300 * day) },
      { id: 'used-lately', startsAt: iso(200 * day), lastActiveAt: iso(89 * day), createdAt: iso(300 * day) },
      { id: 'planned', startsAt: iso(-30 * day), lastActiveAt: iso(120 * day), createdAt: iso(120 * day) },
      { id: 'old-row-without-activity', startsAt: null, lastActiveAt: null, createdAt: iso(95 * day) },
      { id: 'bad-start', startsAt: 'not a date', lastActiveAt: iso(100 * day), createdAt: iso(100 * day) },
    ];
    expect(expiredEvents(events, now, 90)).toEqual(['old', 'old-row-without-activity', 'bad-start']);
    expect(expiredEvents(events, now, 365)).toEqual([]);
    expect(expiredEvents(events, now, 0)).toEqual([]);
  });
});
