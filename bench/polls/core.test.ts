import { describe, expect, it } from 'vitest';
import { answerAt, isExact, parseArgs } from './core.js';

describe('polls bench core', () => {
  it('parses the arguments and refuses nonsense', () => {
    expect(parseArgs(['--', '--attendees', '200', '--window', '2', '--json', 'x.json'])).toEqual({ attendees: 200, windowSec: 2, json: 'x.json' });
    expect(parseArgs([])).toEqual({ attendees: 5000, windowSec: 5, json: null });
    expect(() => parseArgs(['--attendees', '0'])).toThrow();
    expect(() => parseArgs(['--bogus'])).toThrow();
  });

  it('spreads the answers over the window', () => {
    expect([0, 1, 2, 3].map((i) => answerAt(i, 4, 1000))).toEqual([0, 250, 500, 750]);
  });

  it('is exact only when moderator, stage, database and acks agree', () => {
    const stored = { o1: 2, o2: 1 };
    expect(isExact({ moderator: { o1: 2, o2: 1 }, stage: { o1: 2, o2: 1 }, stored, acked: 3 })).toBe(true);
    expect(isExact({ moderator: { o1: 2, o2: 1 }, stage: { o1: 1, o2: 1 }, stored, acked: 3 })).toBe(false);
    expect(isExact({ moderator: { o1: 2, o2: 1 }, stage: { o1: 2, o2: 1 }, stored, acked: 4 })).toBe(false);
    expect(isExact({ moderator: null, stage: { o1: 2, o2: 1 }, stored, acked: 3 })).toBe(false);
  });
});
