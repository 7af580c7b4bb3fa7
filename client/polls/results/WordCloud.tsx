/**
 * The word cloud for moderators and the stage: sizes by count, laid out by d3-cloud (loaded on demand).
 * The picture is hidden from screen readers; the same words are a list for them (and for everyone when
 * the layout cannot run, e.g. without canvas). Import lazily: `lazy(() => import('./WordCloud.js'))`
 * or use LazyWordCloud from ./index.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WordCount } from '../../../shared/polls/schemas.js';
import { TopWords } from './TopWords.js';

export interface PlacedWord {
  text: string;
  count: number;
  size: number;
  x: number;
  y: number;
  rotate: number;
}

export type CloudLayout = (words: readonly WordCount[], size: readonly [number, number]) => Promise<PlacedWord[]>;

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif';

/** Font sizes by square root of the count, so area grows with the count; long words are kept inside the width. */
export function fontSizes(words: readonly WordCount[], width: number): number[] {
  const counts = words.map((w) => w.count);
  const max = Math.max(1, ...counts);
  const min = Math.min(max, ...counts);
  const top = Math.min(72, width / 6);
  const bottom = 14;
  return words.map((w) => {
    const s = min === max ? top : bottom + (top - bottom) * Math.sqrt((w.count - min) / (max - min));
    // about 0.6 em per character: a 40-character word must still fit the width
    return Math.max(10, Math.min(s, (width * 0.95) / (0.6 * Math.max(1, w.text.length))));
  });
}

/** Deterministic random numbers, so the same words give the same picture on every screen. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const d3Layout: CloudLayout = async (words, [width, height]) => {
  if (typeof document === 'undefined' || !document.createElement('canvas').getContext('2d')) throw new Error('no canvas');
  const { default: cloud } = await import('d3-cloud');
  const sizes = fontSizes(words, width);
  type W = { text: string; count: number; size: number; x?: number; y?: number; rotate?: number };
  return new Promise<PlacedWord[]>((resolve) => {
    cloud<W>()
      .size([width, height])
      .words(words.map((w, i) => ({ text: w.text, count: w.count, size: sizes[i]! })))
      .padding(3)
      .rotate(0)
      .font(FONT)
      .fontWeight(700)
      .fontSize((d) => d.size)
      .random(seeded(words.length))
      .timeInterval(10) // yield to the page every 10 ms while placing words
      .on('end', (placed: W[]) =>
        resolve(placed.map((p) => ({ text: p.text, count: p.count, size: p.size, x: p.x ?? 0, y: p.y ?? 0, rotate: p.rotate ?? 0 }))),
      )
      .start();
  });
};

const COLORS = ['#1e40af', '#0f766e', '#7c2d12', '#6d28d9', '#9d174d', '#1a1d23'];

export default function WordCloud({ words, width = 640, height = 360, layout = d3Layout, label, minIntervalMs = 1500 }: {
  words: readonly WordCount[];
  width?: number;
  height?: number;
  layout?: CloudLayout;
  label?: string;
  /** Tallies arrive up to 10 times a second; the picture is laid out again at most this often. */
  minIntervalMs?: number;
}) {
  const { t } = useTranslation();
  const captionId = useId();
  const [placed, setPlaced] = useState<PlacedWord[] | null>(null);
  const [failed, setFailed] = useState(false);
  const key = words.map((w) => `${w.text}:${w.count}`).join('|');

  const lastRun = useRef(0);
  useEffect(() => {
    let live = true;
    if (words.length === 0) {
      setPlaced([]);
      return;
    }
    const run = () => {
      lastRun.current = Date.now();
      layout(words, [width, height]).then(
        (p) => live && (setPlaced(p), setFailed(false)),
        () => live && setFailed(true),
      );
    };
    const wait = lastRun.current + minIntervalMs - Date.now();
    const timer = wait > 0 ? setTimeout(run, wait) : (run(), undefined);
    return () => {
      live = false;
      if (timer) clearTimeout(timer);
    };
  }, [key, width, height, layout, minIntervalMs]);

  const title = label ?? t('polls.words.cloud');
  const left = placed ? words.length - placed.length : 0;
  return (
    <figure className="poll-cloud" aria-labelledby={captionId}>
      <figcaption id={captionId} className="sr-only">
        {title}
      </figcaption>
      {placed && !failed && placed.length > 0 && (
        <svg className="poll-cloud-svg" viewBox={`${-width / 2} ${-height / 2} ${width} ${height}`} role="presentation" aria-hidden="true" focusable="false">
          {placed.map((w, i) => (
            <text
              key={w.text}
              textAnchor="middle"
              transform={`translate(${w.x},${w.y}) rotate(${w.rotate})`}
              style={{ fontSize: `${w.size}px`, fontFamily: FONT, fontWeight: 700, fill: COLORS[i % COLORS.length] }}
            >
              {w.text}
            </text>
          ))}
        </svg>
      )}
      {/* The list is the accessible form; it becomes visible when there is no picture. */}
      <TopWords words={words} label={title} className={placed && !failed && placed.length > 0 ? 'sr-only' : ''} />
      {left > 0 && !failed && <p className="hint">{t('polls.words.notPlaced', { count: left })}</p>}
    </figure>
  );
}
