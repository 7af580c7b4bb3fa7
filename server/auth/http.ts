/** Organizer sessions over HTTP: the cookie, and a guard for organizer-only routes. */
import { parse as parseCookie, serialize } from 'cookie';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { OrganizerInfo } from '../../shared/api.js';
import { DomainError } from '../../shared/errors.js';
import type { Kernel } from '../kernel/feature.js';
import { SESSION_COOKIE, findSessionOrganizer } from './organizers.js';

export function sessionTokenFromCookieHeader(header: string | undefined): string | undefined {
  if (!header) return undefined;
  return parseCookie(header)[SESSION_COOKIE] || undefined;
}

function isHttps(req: Request, kernel: Kernel): boolean {
  return req.secure || Boolean(kernel.config.publicUrl?.startsWith('https:'));
}

export function setSessionCookie(req: Request, res: Response, kernel: Kernel, token: string, expires: Date): void {
  res.append(
    'Set-Cookie',
    serialize(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', path: '/', expires, secure: isHttps(req, kernel) }),
  );
}

export function clearSessionCookie(req: Request, res: Response, kernel: Kernel): void {
  res.append(
    'Set-Cookie',
    serialize(SESSION_COOKIE, '', { httpOnly: true, sameSite: 'lax', path: '/', expires: new Date(0), secure: isHttps(req, kernel) }),
  );
}

export async function organizerOf(req: Request, kernel: Kernel): Promise<OrganizerInfo | null> {
  return findSessionOrganizer(kernel.db, sessionTokenFromCookieHeader(req.headers.cookie), kernel.now());
}

export function requireOrganizer(kernel: Kernel): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    const organizer = await organizerOf(req, kernel);
    if (!organizer) throw new DomainError('unauthorized', 'log in as an organizer first');
    res.locals.organizer = organizer;
    next();
  };
}

/** The absolute base URL for links: PUBLIC_URL, else what the browser used to reach us. */
export function baseUrl(req: Request, kernel: Kernel): string {
  return kernel.config.publicUrl ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}

/** A bearer token from `Authorization: Bearer …` or `?token=`. */
export function bearerToken(req: Request): string | undefined {
  const header = req.get('authorization');
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  if (match?.[1]) return match[1];
  const query = req.query.token;
  return typeof query === 'string' && query ? query : undefined;
}
