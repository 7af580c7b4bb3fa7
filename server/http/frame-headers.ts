/**
 * The security policy of the pages, and who may put a page of Plenum in a frame. No page may be framed (clickjacking: a foreign page could lay
 * the moderator's buttons under its own), except the stream overlay, which OBS and other broadcast tools
 * load as a browser source or in an iframe. The other security headers come from helmet (server/app.ts).
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

/**
 * The Content-Security-Policy of every page: scripts, styles, fonts and connections only from this server
 * (no inline script, no eval), images also as data: URLs (the QR code) and over https (an event's logo),
 * frames only the YouTube privacy-enhanced player an attendee starts; then the page's frame-ancestors.
 * React's style props go through the CSSOM, which `style-src 'self'` allows.
 */
export const PAGE_POLICY: ReadonlyArray<[string, string]> = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  ['style-src', "'self'"],
  ['img-src', "'self' data: https:"],
  ['font-src', "'self'"],
  ['connect-src', "'self'"],
  ['media-src', "'self'"],
  ['frame-src', 'https://www.youtube-nocookie.com'],
  ['worker-src', "'self'"],
  ['manifest-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'self'"],
];

function policy(frameAncestors: string): string {
  return [...PAGE_POLICY.map(([k, v]) => `${k} ${v}`), `frame-ancestors ${frameAncestors}`].join('; ');
}

export function frameHeaders(path: string, overlayFrameAncestors: string): Record<string, string> {
  if (OVERLAY_PATH.test(path)) return { 'Content-Security-Policy': policy(overlayFrameAncestors) };
  return { 'Content-Security-Policy': policy("'none'"), 'X-Frame-Options': 'DENY' };
}

/** One directive's value of a policy (tests and tools): `frame-ancestors` of a header, say. */
export function cspDirective(csp: string | null, name: string): string | null {
  if (!csp) return null;
  const found = csp.split(';').map((d) => d.trim()).find((d) => d === name || d.startsWith(`${name} `));
  return found === undefined ? null : found.slice(name.length).trim();
}
