import { describe, expect, it } from 'vitest';
import { Coalescer, changedValues, type Scheduler } from './coalescer.js';

/** Votes as the qa module records them: question → count, baseline = the count before the first vote. */
class VoteCoalescer extends Coalescer<number> {
  override record(eventId: string, questionId: string, before: number, after?: number): void {
    super.record(eventId, questionId, after ?? before, before);
  }
  counts(eventId: string): Record<string, number> | null {
    const entries = this.take(eventId);
    return entries ? changedValues(entries) : null;
  }
}

/** A manual clock: timers run only when the test advances time. */
class FakeScheduler implements Scheduler {
  now = 0;
  private timers = new Map<number, { at: number; fn: () => void }>();
  private next = 1;
  set(fn: () => void, ms: number): unknown {
    const id = this.next++;
    this.timers.set(id, { at: this.now + ms, fn });
    return id;
  }
  clear(handle: unknown): void {
    this.timers.delete(handle as number);
  }
  advance(ms: number): void {
    this.now += ms;
    for (const [id, t] of [...this.timers].sort((a, b) => a[1].at - b[1].at)) {
      if (t.at <= this.now) {
        this.timers.delete(id);
        t.fn();
      }
    }
  }
  get pending(): number {
    return this.timers.size;
  }
}

function setup() {
  const scheduler = new FakeScheduler();
  const flushed: Array<{ eventId: string; counts: Record<string, number> | null }> = [];
  const coalescer: VoteCoalescer = new VoteCoalescer((eventId) => flushed.push({ eventId, counts: coalescer.counts(eventId) }), scheduler, 100);
  return { scheduler, flushed, coalescer };
}

describe('coalescer (as used for votes)', () => {
  it('many votes within one interval become one flush with the latest count per question', () => {
    const { scheduler, flushed, coalescer } = setup();
    for (let i = 0; i < 50; i++) coalescer.record('e1', 'q1', i, i + 1);
    coalescer.record('e1', 'q2', 7, 8);
    expect(flushed).toEqual([]);
    expect(scheduler.pending).toBe(1);
    scheduler.advance(99);
    expect(flushed).toEqual([]);
    scheduler.advance(1);
    expect(flushed).toEqual([{ eventId: 'e1', counts: { q1: 50, q2: 8 } }]);
    scheduler.advance(1000);
    expect(flushed).toHaveLength(1);
  });

  it('only changed counts are sent: a vote taken back in the same window cancels out', () => {
    const { scheduler, flushed, coalescer } = setup();
    coalescer.record('e1', 'q1', 3, 4);
    coalescer.record('e1', 'q1', 4, 3);
    coalescer.record('e1', 'q2', 0, 1);
    scheduler.advance(100);
    expect(flushed).toEqual([{ eventId: 'e1', counts: { q2: 1 } }]);
  });

  it('keeps events apart and starts a new window after a flush', () => {
    const { scheduler, flushed, coalescer } = setup();
    coalescer.record('e1', 'q1', 0, 1);
    scheduler.advance(50);
    coalescer.record('e2', 'q9', 0, 1);
    scheduler.advance(50);
    expect(flushed).toEqual([{ eventId: 'e1', counts: { q1: 1 } }]);
    coalescer.record('e1', 'q1', 1, 2);
    scheduler.advance(50);
    expect(flushed.map((f) => f.eventId)).toEqual(['e1', 'e2']);
    scheduler.advance(50);
    expect(flushed[2]).toEqual({ eventId: 'e1', counts: { q1: 2 } });
  });

  it('a vote recorded after the timer fired but before take is included, and the extra timer finds nothing', () => {
    const scheduler = new FakeScheduler();
    const due: string[] = [];
    const coalescer = new VoteCoalescer((id) => due.push(id), scheduler, 100);
    coalescer.record('e1', 'q1', 0, 1);
    scheduler.advance(100);
    expect(due).toEqual(['e1']);
    coalescer.record('e1', 'q1', 1, 2); // committed while the flush waited in the event queue
    expect(coalescer.counts('e1')).toEqual({ q1: 2 });
    scheduler.advance(100);
    expect(coalescer.counts('e1')).toBeNull();
  });

  it('forgets deleted questions and whole events', () => {
    const { scheduler, flushed, coalescer } = setup();
    coalescer.record('e1', 'q1', 0, 1);
    coalescer.record('e1', 'q2', 0, 1);
    coalescer.forget('e1', 'q1');
    coalescer.record('e2', 'q3', 0, 1);
    coalescer.forgetEvent('e2');
    scheduler.advance(100);
    expect(flushed).toEqual([{ eventId: 'e1', counts: { q2: 1 } }]);
    expect(scheduler.pending).toBe(0);
  });
});

describe('coalescer merge', () => {
  it('combines values with the merge function and keeps the first baseline', () => {
    const scheduler = new FakeScheduler();
    const c = new Coalescer<{ on: boolean; touched: boolean }>(() => {}, scheduler, 500, (a, b) => ({ on: b.on, touched: a.touched || b.touched }));
    c.record('e', 'a', { on: true, touched: false }, { on: false, touched: false });
    c.record('e', 'a', { on: true, touched: true });
    c.record('e', 'a', { on: false, touched: false });
    expect(c.take('e')?.get('a')).toEqual({ baseline: { on: false, touched: false }, latest: { on: false, touched: true } });
  });
});
