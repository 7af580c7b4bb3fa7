/** The event's stage theme (settings.stage.theme) as CSS custom properties over the dark stage palette. */
import type { CSSProperties } from 'react';
import type { StageTheme } from '../../shared/stage/index.js';

export function themeStyle(theme: StageTheme | null | undefined): CSSProperties {
  const out: Record<string, string> = {};
  if (theme?.background) out['--stage-bg'] = theme.background;
  if (theme?.text) {
    out['--stage-text'] = theme.text;
    out['--stage-muted'] = theme.text;
  }
  if (theme?.accent) out['--stage-accent'] = theme.accent;
  return out as CSSProperties;
}

/** The join address without the scheme, as people type it. */
export function shortUrl(url: string): string {
  return url.replace(/^https?:\/\//, '');
}

export function joinUrlOf(origin: string, code: string): string {
  return `${origin}/e/${code}`;
}
