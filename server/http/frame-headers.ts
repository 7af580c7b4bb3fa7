/**
 * Who may put a page of Plenum in a frame. No page may be framed (clickjacking: a foreign page could lay
 * the moderator's buttons under its own), except the stream overlay, which OBS and other broadcast tools
 * load as a browser source or in an iframe. Only `frame-ancestors` is set, so a stricter CSP added later
 * (helmet, issue 12) can take these directives over unchanged.
 */

/** /e/:code/overlay, the only page that may be framed. */
const OVERLAY_PATH = /^\/e\/[^/]+\/overlay\/?$/;

/** Default sources that may frame the overlay (`*`: any page; OVERLAY_FRAME_ANCESTORS narrows it). */
export const DEFAULT_OVERLAY_FRAME_ANCESTORS = '*';

/** A source list of frame-ancestors: `*`, `'self'`, schemes and hosts; nothing that ends the directive. */
export function validFrameAncestors(value: string): boolean {
  const sources = value.trim().split(/\s+/);
  return sources.length > 0 && sources.every((s) => s === "'self'" || s === "'none'" || /^[^;,'"\s]+$/.test(s));
}

export function frameHeaders(path: string, overlayFrameAncestors: string): Record<string, string> {
  if (OVERLAY_PATH.test(path)) return { 'Content-Security-Policy': `frame-ancestors ${overlayFrameAncestors}` };
  return { 'Content-Security-Policy': "frame-ancestors 'none'", 'X-Frame-Options': 'DENY' };
}
