/**
 * A fixed 1920×1080 stage box scaled to fit its container (the viewport on the stage pages, a small frame
 * in the moderator's preview), centred, letterboxed. Everything inside is laid out for 1920×1080 once, so
 * 1280×720 (or a 320 px preview) shows exactly the same picture, only smaller. The container clips, so the
 * box never makes the page scroll.
 */
import { useLayoutEffect, useRef, useState, type CSSProperties, type ReactNode } from 'react';

export const STAGE_W = 1920;
export const STAGE_H = 1080;

/** Scale and offsets of the box in a container of this size (pure, for tests). */
export function fitStage(width: number, height: number): { scale: number; left: number; top: number } {
  if (width <= 0 || height <= 0) return { scale: 1, left: 0, top: 0 };
  const scale = Math.min(width / STAGE_W, height / STAGE_H);
  return { scale, left: (width - STAGE_W * scale) / 2, top: (height - STAGE_H * scale) / 2 };
}

export function ScaledStage({ children, className = '', style, label }: { children: ReactNode; className?: string; style?: CSSProperties; label?: string }) {
  const frame = useRef<HTMLDivElement>(null);
  const [fit, setFit] = useState(() => fitStage(0, 0));
  useLayoutEffect(() => {
    const el = frame.current;
    if (!el) return;
    const measure = () => setFit(fitStage(el.clientWidth, el.clientHeight));
    measure();
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    observer?.observe(el);
    window.addEventListener('resize', measure);
    return () => {
      observer?.disconnect();
      window.removeEventListener('resize', measure);
    };
  }, []);
  return (
    <div ref={frame} className={`stage-frame ${className}`} style={style} role={label ? 'region' : undefined} aria-label={label}>
      <div
        className="stage-box"
        style={{ width: STAGE_W, height: STAGE_H, transform: `translate(${fit.left}px, ${fit.top}px) scale(${fit.scale})` }}
      >
        {children}
      </div>
    </div>
  );
}
