import { describe, expect, it } from 'vitest';
import { columnsFor, pageGroups } from './pages.js';

describe('results pages', () => {
  it('keeps up to 12 short results on one page', () => {
    expect(pageGroups(Array(12).fill('kurz'))).toEqual([[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]]);
  });
  it('splits long results into pages of about the character budget, in order, each group once', () => {
    const pages = pageGroups(Array(12).fill('x'.repeat(400)), { perPage: 12, chars: 1400 });
    expect(pages.flat()).toEqual([...Array(12).keys()]);
    expect(pages.length).toBe(4);
    for (const page of pages) expect(page.length).toBeLessThanOrEqual(3);
  });
  it('gives a result longer than the budget a page of its own', () => {
    expect(pageGroups(['a', 'x'.repeat(5000), 'b'], { perPage: 12, chars: 1400 })).toEqual([[0], [1], [2]]);
  });
  it('respects the per-page count and handles no groups', () => {
    expect(pageGroups(Array(5).fill(''), { perPage: 2, chars: 10_000 })).toEqual([[0, 1], [2, 3], [4]]);
    expect(pageGroups([])).toEqual([]);
  });
  it('picks columns for a 16:9 screen', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 12].map(columnsFor)).toEqual([1, 2, 3, 2, 3, 3, 4, 4]);
  });
});
