/**
 * The overlay's URL parameters (for OBS's browser source) and where its box goes on the 1920×1080 stage.
 * Pure; unknown or out-of-range values fall back to the defaults, so a typo never breaks the stream.
 */
import { STAGE_H, STAGE_W } from './ScaledStage.js';

export const POSITIONS = ['bottom-left', 'bottom', 'bottom-right', 'top-left', 'top', 'top-right'] as const;
export type OverlayPosition = (typeof POSITIONS)[number];
export const THEMES = ['light', 'dark', 'event'] as const;
export type OverlayTheme = (typeof THEMES)[number];

export interface OverlayParams {
  position: OverlayPosition;
  /** 0.5 to 2: the size of the box relative to the default. */
  scale: number;
  theme: OverlayTheme;
  /** Seconds after which an item hides (overrides the moderator's value); 0: never; null: as sent by the server. */
  autoHideS: number | null;
}

export const DEFAULT_PARAMS: OverlayParams = { position: 'bottom-left', scale: 1, theme: 'dark', autoHideS: null };

export function parseOverlayParams(search: string): OverlayParams {
  const q = new URLSearchParams(search);
  const position = q.get('position');
  const theme = q.get('theme');
  const scale = Number(q.get('scale'));
  const autohideRaw = q.get('autohide');
  const autohide = autohideRaw === null || autohideRaw.trim() === '' ? NaN : Number(autohideRaw);
  return {
    position: (POSITIONS as readonly string[]).includes(position ?? '') ? (position as OverlayPosition) : DEFAULT_PARAMS.position,
    scale: q.has('scale') && Number.isFinite(scale) ? Math.min(2, Math.max(0.5, scale)) : DEFAULT_PARAMS.scale,
    theme: (THEMES as readonly string[]).includes(theme ?? '') ? (theme as OverlayTheme) : DEFAULT_PARAMS.theme,
    autoHideS: Number.isInteger(autohide) && autohide >= 0 && autohide <= 3600 ? autohide : null,
  };
}

/** The seconds the overlay hides after: the URL's value (0: never) over the server's. */
export function effectiveAutoHide(params: OverlayParams, fromServer: number | null): number | null {
  if (params.autoHideS === null) return fromServer;
  return params.autoHideS === 0 ? null : params.autoHideS;
}

export const MARGIN = 48;

/** A lower third (question, join line) or a compact box (poll results, leaderboard, round). */
export type BoxShape = 'lower-third' | 'compact';

export function shapeOf(kind: string): BoxShape {
  return kind === 'question' || kind === 'join' ? 'lower-third' : 'compact';
}

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** The box on the 1920×1080 stage: sized by shape × scale, never larger than the stage minus margins. */
export function overlayBox(shape: BoxShape, position: OverlayPosition, scale: number): Box {
  const centred = position === 'bottom' || position === 'top';
  const base = shape === 'lower-third' ? { width: centred ? 1400 : 1000, height: 250 } : { width: 860, height: 620 };
  const width = Math.min(STAGE_W - 2 * MARGIN, Math.round(base.width * scale));
  const height = Math.min(STAGE_H - 2 * MARGIN, Math.round(base.height * scale));
  const left = position.endsWith('left') ? MARGIN : position.endsWith('right') ? STAGE_W - MARGIN - width : Math.round((STAGE_W - width) / 2);
  const top = position.startsWith('top') ? MARGIN : STAGE_H - MARGIN - height;
  return { left, top, width, height };
}
