/**
 * Cross-site request forgery: a page elsewhere can make the browser send a state-changing request that
 * carries the organizer's cookie. Browsers name the page's origin in `Origin` (and `Sec-Fetch-Site`); a
 * state-changing request from another site is refused before any route runs. Scripts without a browser send
 * neither header and carry their own credentials, so they pass.
 */
import type { RequestHandler } from 'express';
import { DomainError } from '../../shared/errors.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface OriginFacts {
  method: string;
  origin: string | undefined;
  secFetchSite: string | undefined;
  /** The Host header the request came with. */
  host: string | undefined;
  /** PUBLIC_URL, when set: its host is ours too (behind a proxy that rewrites Host). */
  publicUrl: string | null;
}

/** Whether the origin header names this server (same host as the request, or PUBLIC_URL's host). */
export function isOwnOrigin(origin: string, host: string | undefined, publicUrl: string | null): boolean {
  try {
    const { host: originHost } = new URL(origin);
    if (host !== undefined && originHost === host) return true;
    return publicUrl !== null && originHost === new URL(publicUrl).host;
  } catch {
    return false; // "null" (sandboxed frames, file:) and garbage are foreign
  }
}

/** Pure: may this request change state? */
export function crossSiteRefusal(f: OriginFacts): string | null {
  if (SAFE_METHODS.has(f.method.toUpperCase())) return null;
  if (f.origin !== undefined) return isOwnOrigin(f.origin, f.host, f.publicUrl) ? null : `requests from ${f.origin.slice(0, 100)} may not change anything here`;
  if (f.secFetchSite === 'cross-site' || f.secFetchSite === 'same-site') return 'requests from another site may not change anything here';
  return null;
}

export function sameOriginWrites(publicUrl: string | null): RequestHandler {
  return (req, _res, next) => {
    const refusal = crossSiteRefusal({
      method: req.method,
      origin: req.get('origin'),
      secFetchSite: req.get('sec-fetch-site'),
      host: req.get('host'),
      publicUrl,
    });
    next(refusal ? new DomainError('forbidden', refusal) : undefined);
  };
}
