/**
 * FitText in jsdom with a stand-in layout (jsdom has none): the box is 400×200 and the content's height grows
 * with the font size it is given, as text in a fixed-width box does. The component must find the largest size
 * that fits, apply it, and say whether it fits.
 */
import { render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FitText } from './FitText.js';

const BOX = { width: 400, height: 200 };
/** Characters of the content; lines of 0.55 em per character, 1.2 em high. */
let chars = 0;

function contentHeight(box: HTMLElement): number {
  const inner = box.firstElementChild as HTMLElement;
  const size = Number.parseFloat(inner.style.fontSize) || 16;
  const perLine = Math.max(1, Math.floor(BOX.width / (0.55 * size)));
  return Math.ceil(chars / perLine) * 1.2 * size;
}

const props = ['clientHeight', 'clientWidth', 'scrollHeight', 'scrollWidth'] as const;
const saved = new Map<string, PropertyDescriptor | undefined>();

beforeEach(() => {
  for (const p of props) saved.set(p, Object.getOwnPropertyDescriptor(HTMLElement.prototype, p));
  const isBox = (el: HTMLElement) => el.classList.contains('fit-box');
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get(this: HTMLElement) { return isBox(this) ? BOX.height : 0; } });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get(this: HTMLElement) { return isBox(this) ? BOX.width : 0; } });
  Object.defineProperty(HTMLElement.prototype, 'scrollWidth', { configurable: true, get(this: HTMLElement) { return isBox(this) ? BOX.width : 0; } });
  Object.defineProperty(HTMLElement.prototype, 'scrollHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return isBox(this) ? Math.max(BOX.height, contentHeight(this)) : 0;
    },
  });
});

afterEach(() => {
  for (const p of props) {
    const d = saved.get(p);
    if (d) Object.defineProperty(HTMLElement.prototype, p, d);
    else delete (HTMLElement.prototype as unknown as Record<string, unknown>)[p];
  }
});

function fitted(): { box: HTMLElement; size: number } {
  const box = screen.getByTestId('text').closest<HTMLElement>('.fit-box')!;
  return { box, size: Number.parseFloat((box.firstElementChild as HTMLElement).style.fontSize) };
}

describe('FitText', () => {
  it('keeps the maximum for short text', () => {
    chars = 5;
    render(<FitText max={96}><p data-testid="text">Kurz</p></FitText>);
    const { box, size } = fitted();
    expect(size).toBe(96);
    expect(box.dataset.fit).toBe('ok');
  });

  it('shrinks long text to the largest size that fits, and refits when the text changes', () => {
    chars = 600;
    const { rerender } = render(<FitText max={96} watch="a"><p data-testid="text">…</p></FitText>);
    const long = fitted();
    expect(long.box.dataset.fit).toBe('ok');
    expect(long.size).toBeLessThan(96);
    expect(contentHeight(long.box)).toBeLessThanOrEqual(BOX.height);
    chars = 100;
    rerender(<FitText max={96} watch="b"><p data-testid="text">…</p></FitText>);
    expect(fitted().size).toBeGreaterThan(long.size);
  });

  it('says when even the minimum overflows', () => {
    chars = 10_000_000;
    render(<FitText max={96} min={10}><p data-testid="text">…</p></FitText>);
    const { box, size } = fitted();
    expect(size).toBe(10);
    expect(box.dataset.fit).toBe('overflow');
  });
});
