import { describe, expect, it } from 'vitest';
import { Coalescer, type Scheduler } from '../kernel/coalescer.js';
import { mergePresence, Presence, type PresenceValue } from './presence.js';

const presence = (onDue: (eventId: string) => void, scheduler: Scheduler) =>
  new Presence(new Coalescer<PresenceValue>(onDue, scheduler, 500, mergePresence));

function fakeScheduler() {
  const timers = new Map<number, () => void>();
  let next = 0;
  const scheduler: Scheduler = {
    set: (fn) => {
      timers.set(++next, fn);
      return next;
    },
    clear: (h) => void timers.delete(h as number),
  };
  return {
    scheduler,
    pending: () => timers.size,
    fire() {
      const fns = [...timers.values()];
      timers.clear();
      for (const fn of fns) fn();
    },
  };
}

describe('presence', () => {
  it('counts sockets per attendee: two tabs are one person, closing one is not leaving', () => {
    const due: string[] = [];
    const s = fakeScheduler();
    const p = presence((e) => due.push(e), s.scheduler);
    expect(p.connect('e', 'a')).toBe(true);
    expect(p.connect('e', 'a')).toBe(false);
    expect(p.disconnect('e', 'a')).toBe(false);
    expect(p.isOnline('e', 'a')).toBe(true);
    expect(p.disconnect('e', 'a')).toBe(true);
    expect(p.isOnline('e', 'a')).toBe(false);
    expect(p.onlineIds('e')).toEqual([]);
  });

  it('coalesces changes into one flush per window; leave-and-return within a window sends nothing', () => {
    const due: string[] = [];
    const s = fakeScheduler();
    const p = presence((e) => due.push(e), s.scheduler);
    p.connect('e', 'a');
    p.connect('e', 'b');
    p.connect('e', 'c');
    expect(s.pending()).toBe(1);
    s.fire();
    expect(due).toEqual(['e']);
    expect(p.take('e')?.sort()).toEqual(['a', 'b', 'c']);
    expect(p.take('e')).toBeNull();

    p.disconnect('e', 'b');
    p.connect('e', 'b');
    s.fire();
    expect(p.take('e')).toBeNull();

    p.disconnect('e', 'c');
    p.touch('e', ['a']);
    s.fire();
    expect(p.take('e')?.sort()).toEqual(['a', 'c']);
    expect(p.onlineIds('e').sort()).toEqual(['a', 'b']);
  });

  it('keeps events apart and forgets a deleted event', () => {
    const s = fakeScheduler();
    const p = presence(() => {}, s.scheduler);
    p.connect('e1', 'a');
    p.connect('e2', 'a');
    p.forgetEvent('e1');
    expect(p.isOnline('e1', 'a')).toBe(false);
    expect(p.isOnline('e2', 'a')).toBe(true);
    expect(s.pending()).toBe(1);
  });
});
