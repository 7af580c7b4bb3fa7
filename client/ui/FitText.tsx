/**
 * A box that shows all of its content at the largest size that fits: never cut, never scrolled. The box
 * takes its size from the layout (give it a height: flex: 1 with min-height: 0, or a fixed height); the
 * content is sized by `font-size` (text, em-based layouts) or by `zoom` (components sized in rem). It refits
 * when the box resizes, the content changes (`watch`) or web fonts arrive.
 */
import { useLayoutEffect, useRef, type CSSProperties, type ReactNode } from 'react';
import { boxFits, fitValue } from './fit.js';

export interface FitTextProps {
  children: ReactNode;
  /** font: px; zoom: factor. */
  mode?: 'font' | 'zoom';
  min?: number;
  max?: number;
  /** Refit when this changes (e.g. the text, a count). */
  watch?: unknown;
  className?: string;
  style?: CSSProperties;
}

export function FitText({ children, mode = 'font', min = mode === 'font' ? 10 : 0.2, max = mode === 'font' ? 96 : 1.5, watch, className, style }: FitTextProps) {
  const box = useRef<HTMLDivElement>(null);
  const content = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    const outer = box.current;
    const inner = content.current;
    if (!outer || !inner) return;
    let frame = 0;
    const fit = () => {
      // jsdom has no layout (every size is 0): leave the maximum, the browser tests measure for real.
      if (outer.clientHeight === 0 && outer.clientWidth === 0) return;
      const apply = (v: number) => {
        if (mode === 'font') inner.style.fontSize = `${v}px`;
        else inner.style.setProperty('zoom', String(v));
      };
      const result = fitValue({ min, max, precision: mode === 'font' ? 0.5 : 0.01 }, (v) => {
        apply(v);
        return boxFits(outer);
      });
      apply(result.value);
      outer.dataset.fit = result.fits ? 'ok' : 'overflow';
      outer.dataset.fitValue = String(result.value);
    };
    fit();
    const refit = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(fit);
    };
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(refit);
    observer?.observe(outer);
    // Images (a logo) and lazily loaded parts (the word cloud) change the content's size after the first fit.
    const mutations = typeof MutationObserver === 'undefined' ? null : new MutationObserver(refit);
    mutations?.observe(inner, { childList: true, subtree: true, characterData: true });
    void document.fonts?.ready.then(refit);
    return () => {
      cancelAnimationFrame(frame);
      observer?.disconnect();
      mutations?.disconnect();
    };
  }, [mode, min, max, watch]);

  return (
    <div ref={box} className={`fit-box${className ? ` ${className}` : ''}`} style={style}>
      <div ref={content} className="fit-content" style={mode === 'font' ? { fontSize: `${max}px` } : undefined}>
        {children}
      </div>
    </div>
  );
}
