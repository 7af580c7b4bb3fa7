/**
 * The usual security headers on every answer, by helmet: Referrer-Policy no-referrer (capability tokens
 * travel in URLs), nosniff, a same-origin opener and resource policy, no DNS prefetch, and HSTS behind TLS.
 * Pages get their Content-Security-Policy and frame headers from frame-headers.ts (the overlay differs),
 * so helmet's CSP and X-Frame-Options are off here; the API gets a policy that allows nothing.
 */
import type { RequestHandler } from 'express';
import helmet from 'helmet';

export interface SecurityHeaderOptions {
  /** Seconds of Strict-Transport-Security; 0 sends none (plain http, or TLS not yet settled). */
  hstsMaxAge: number;
}

export function securityHeaders(options: SecurityHeaderOptions): RequestHandler {
  return helmet({
    contentSecurityPolicy: false,
    xFrameOptions: false,
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: options.hstsMaxAge > 0 ? { maxAge: options.hstsMaxAge, includeSubDomains: false } : false,
    // The overlay is embedded by broadcast tools; nothing here needs cross-origin isolation.
    crossOriginEmbedderPolicy: false,
    crossOriginResourcePolicy: { policy: 'same-origin' },
  });
}

/** JSON answers are never rendered as documents: they may load and be framed by nothing. */
export const API_POLICY = "default-src 'none'; frame-ancestors 'none'";
