import { describe, expect, it } from 'vitest';
import { answeredPageOf, newestAnsweredFirst, oldestAnswered, withNewestAnswered } from './answered.js';

function q(id: string, state: string, answeredAt: string | null, createdAt = '2026-01-01T00:00:00.000Z') {
  return { id, state, answeredAt, createdAt };
}
const at = (i: number) => `2026-01-01T10:${String(Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}.000Z`;

describe('answered paging', () => {
  // 130 answered (two pairs share a timestamp: the id decides), 3 live, 1 pending.
  const answered = Array.from({ length: 130 }, (_, i) => q(`a${String(i).padStart(3, '0')}`, 'answered', at(i < 4 ? 0 : i)));
  const all = [q('l1', 'live', null), ...answered, q('l2', 'live', null), q('p1', 'pending', null), q('l3', 'live', null)];

  it('a snapshot keeps every question that is not answered and the newest 50 answered, in their order', () => {
    const { questions, answeredOlder } = withNewestAnswered(all, 50);
    expect(answeredOlder).toBe(80);
    expect(questions.filter((x) => x.state !== 'answered').map((x) => x.id)).toEqual(['l1', 'l2', 'p1', 'l3']);
    const kept = questions.filter((x) => x.state === 'answered').map((x) => x.id);
    expect(kept).toEqual(answered.slice(80).map((x) => x.id));
    expect(withNewestAnswered(all.slice(0, 40), 50)).toEqual({ questions: all.slice(0, 40), answeredOlder: 0 });
  });

  it('pages return every older answered question exactly once, newest first, and count what is left', () => {
    const first = withNewestAnswered(all, 50);
    let cursor = oldestAnswered(first.questions)!;
    const seen = first.questions.filter((x) => x.state === 'answered').map((x) => x.id);
    const lefts: number[] = [];
    for (;;) {
      const page = answeredPageOf(all, cursor, 50);
      if (page.questions.length === 0) break;
      seen.push(...page.questions.map((x) => x.id));
      lefts.push(page.older);
      cursor = oldestAnswered(page.questions)!;
    }
    expect(lefts).toEqual([30, 0]);
    expect(new Set(seen).size).toBe(130);
    expect(seen.sort()).toEqual(answered.map((x) => x.id).sort());
    // Newest first across the pages: the order is the comparator's.
    const ordered = [...answered].sort(newestAnsweredFirst).map((x) => x.id);
    expect(ordered.slice(0, 3)).toEqual(['a129', 'a128', 'a127']);
    expect(ordered.slice(-4)).toEqual(['a003', 'a002', 'a001', 'a000']);
  });

  it('an answered question without answeredAt sorts by createdAt; no answered questions: no cursor', () => {
    expect(oldestAnswered([q('x', 'answered', null, '2020-01-01T00:00:00.000Z'), q('y', 'answered', at(1))])).toEqual({ at: '2020-01-01T00:00:00.000Z', id: 'x' });
    expect(oldestAnswered([q('l', 'live', null)])).toBeNull();
  });
});
