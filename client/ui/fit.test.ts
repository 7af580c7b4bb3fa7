import { describe, expect, it } from 'vitest';
import { boxFits, fitValue } from './fit.js';

/**
 * A text layout model for the measuring callback (jsdom has no layout): words wrap into lines of the box
 * width at ~0.55 em per character, lines are 1.2 em high; a word longer than a line breaks anywhere.
 */
function textFits(text: string, box: { width: number; height: number }) {
  return (size: number) => {
    const perLine = Math.max(1, Math.floor(box.width / (0.55 * size)));
    let lines = 1;
    let used = 0;
    for (const word of text.split(/\s+/)) {
      const len = word.length;
      if (len > perLine) {
        if (used > 0) lines++;
        lines += Math.ceil(len / perLine) - 1;
        used = len % perLine;
        continue;
      }
      if (used === 0) used = len;
      else if (used + 1 + len <= perLine) used += 1 + len;
      else {
        lines++;
        used = len;
      }
    }
    return lines * 1.2 * size <= box.height;
  };
}

const longest = 'Wie kann die Bürgerbeteiligungsplattform bei Haushaltsentscheidungen helfen? '.repeat(30).slice(0, 2000);

describe('fitValue', () => {
  it('finds the largest font size at which the longest allowed question fits the presenter box', () => {
    const box = { width: 1776, height: 700 };
    const fits = textFits(longest, box);
    const result = fitValue({ min: 8, max: 110, precision: 0.5 }, fits);
    expect(result.fits).toBe(true);
    expect(fits(result.value)).toBe(true);
    // half a pixel more no longer fits: the search did not stop early
    expect(fits(result.value + 0.5)).toBe(false);
    expect(result.value).toBeGreaterThan(20);
    expect(result.probes).toBeLessThanOrEqual(Math.ceil(Math.log2((110 - 8) / 0.5)) + 2);
  });

  it('keeps the maximum for short text and says so with one probe', () => {
    const result = fitValue({ min: 8, max: 110 }, textFits('Warum?', { width: 1776, height: 700 }));
    expect(result).toEqual({ value: 110, fits: true, probes: 1 });
  });

  it('is smaller in a smaller box and for longer text (monotone)', () => {
    const big = fitValue({ min: 8, max: 110 }, textFits(longest, { width: 1776, height: 700 })).value;
    const small = fitValue({ min: 8, max: 110 }, textFits(longest, { width: 900, height: 200 })).value;
    const shorter = fitValue({ min: 8, max: 110 }, textFits(longest.slice(0, 300), { width: 1776, height: 700 })).value;
    expect(small).toBeLessThan(big);
    expect(shorter).toBeGreaterThan(big);
  });

  it('reports when even the minimum does not fit (the caller shows the minimum)', () => {
    const result = fitValue({ min: 8, max: 110 }, () => false);
    expect(result).toMatchObject({ value: 8, fits: false });
  });

  it('works for zoom factors with a fine precision', () => {
    // content of 3000×1600 at zoom 1 in a 1776×800 box: zoom 0.5 fits exactly
    const result = fitValue({ min: 0.1, max: 2, precision: 0.01 }, (z) => 3000 * z <= 1776 && 1600 * z <= 800);
    expect(result.value).toBeGreaterThanOrEqual(0.49);
    expect(result.value).toBeLessThanOrEqual(0.5);
  });

  it('refuses a range that makes no sense', () => {
    expect(() => fitValue({ min: 0, max: 10 }, () => true)).toThrow(RangeError);
    expect(() => fitValue({ min: 10, max: 5 }, () => true)).toThrow(RangeError);
  });
});

describe('boxFits', () => {
  it('fits when the content is not taller or wider than the box (1 px of rounding allowed)', () => {
    expect(boxFits({ scrollHeight: 500, clientHeight: 500, scrollWidth: 800, clientWidth: 800 })).toBe(true);
    expect(boxFits({ scrollHeight: 501, clientHeight: 500, scrollWidth: 800, clientWidth: 800 })).toBe(true);
    expect(boxFits({ scrollHeight: 502, clientHeight: 500, scrollWidth: 800, clientWidth: 800 })).toBe(false);
    expect(boxFits({ scrollHeight: 500, clientHeight: 500, scrollWidth: 810, clientWidth: 800 })).toBe(false);
  });
});
