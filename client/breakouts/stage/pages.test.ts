import { describe, expect, it } from 'vitest';
import { columnsFor, pageGroups, splitText, type PageEntry } from './pages.js';

const indexes = (pages: PageEntry[][]) => pages.map((p) => p.map((e) => e.index));

describe('results pages', () => {
  it('keeps up to 12 short results on one page', () => {
    expect(indexes(pageGroups(Array(12).fill('kurz')))).toEqual([[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]]);
  });
  it('splits long results into pages of about the character budget, in order, each group once', () => {
    const pages = pageGroups(Array(12).fill('x '.repeat(200)), { perPage: 12, chars: 1400 });
    expect(pages.flat().map((e) => e.index)).toEqual([...Array(12).keys()]);
    expect(pages.length).toBe(4);
    for (const page of pages) expect(page.length).toBeLessThanOrEqual(3);
  });
  it('splits a result longer than a page (the longest allowed: 10 000 characters) into parts on pages of their own', () => {
    const words = Array.from({ length: 2000 }, (_, i) => `wort${i}`).join(' ').slice(0, 10_000);
    const pages = pageGroups(['a', words, 'b'], { perPage: 12, chars: 1400 });
    expect(indexes(pages)[0]).toEqual([0]);
    const parts = pages.slice(1, -1).map((p) => p[0]!);
    expect(parts.every((e) => e.index === 1 && e.parts === parts.length)).toBe(true);
    expect(parts.map((e) => e.part)).toEqual(parts.map((_, i) => i + 1));
    for (const e of parts) expect(e.text.length).toBeLessThanOrEqual(1400 - 60);
    // nothing is lost: the parts put together are the text
    expect(parts.map((e) => e.text).join(' ')).toBe(words);
    expect(indexes(pages).at(-1)).toEqual([2]);
  });
  it('cuts inside a word only when it is longer than half a page', () => {
    expect(splitText('x'.repeat(25), 10)).toEqual(['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(5)]);
    expect(splitText('aaaa bbbb cccc', 10)).toEqual(['aaaa bbbb', 'cccc']);
    expect(splitText('kurz', 10)).toEqual(['kurz']);
  });
  it('respects the per-page count and handles no groups', () => {
    expect(indexes(pageGroups(Array(5).fill(''), { perPage: 2, chars: 10_000 }))).toEqual([[0, 1], [2, 3], [4]]);
    expect(pageGroups([])).toEqual([]);
  });
  it('picks columns for a 16:9 screen', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 12].map(columnsFor)).toEqual([1, 2, 3, 2, 3, 3, 4, 4]);
  });
});
