/** REST: login, logout, me, and the first-organizer setup. */
import { Router, type Request } from 'express';
import { LoginBody, SetupBody } from '../../shared/api.js';
import { DomainError } from '../../shared/errors.js';
import { parse } from '../http/errors.js';
import type { Kernel } from '../kernel/feature.js';
import { LoginGuard } from './login-guard.js';
import { clearSessionCookie, organizerOf, sessionTokenFromCookieHeader, setSessionCookie } from './http.js';
import type { SetupGate } from './setup.js';
import { checkLogin, createOrganizer, createSession, deleteSession, countOrganizers } from './organizers.js';

function clientIp(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}

export function authRoutes(kernel: Kernel, setup: SetupGate): Router {
  const router = Router();
  const guard = new LoginGuard();
  let attempts = 0;

  router.post('/auth/login', async (req, res) => {
    const now = kernel.now().getTime();
    const address = clientIp(req);
    const wait = kernel.limiter.hit('login', address, now);
    if (wait > 0) throw new DomainError('rate_limited', 'too many login attempts; try again later', { retryAfterMs: wait });
    const body = parse(LoginBody, req.body);
    const account = body.email.trim().toLowerCase();
    if (++attempts % 100 === 0) guard.sweep(now);
    const decision = guard.check(account, address, now);
    if (!decision.allowed) {
      const message = decision.locked
        ? 'too many failed logins for this account from this address; it is locked here for a while'
        : 'too many failed logins for this account; wait before the next attempt';
      throw new DomainError('rate_limited', message, { retryAfterMs: decision.retryAfterMs });
    }
    const organizer = await checkLogin(kernel.db, body.email, body.password);
    if (!organizer) {
      guard.failed(account, address, kernel.now().getTime());
      throw new DomainError('unauthorized', 'wrong email or password');
    }
    guard.succeeded(account, address);
    const session = await createSession(kernel.db, organizer.id, kernel.now());
    setSessionCookie(req, res, kernel, session.token, session.expires);
    res.json(organizer);
  });

  router.post('/auth/logout', async (req, res) => {
    await deleteSession(kernel.db, sessionTokenFromCookieHeader(req.headers.cookie));
    clearSessionCookie(req, res, kernel);
    res.status(204).end();
  });

  router.get('/auth/me', async (req, res) => {
    const organizer = await organizerOf(req, kernel);
    if (!organizer) throw new DomainError('unauthorized', 'not logged in');
    res.json(organizer);
  });

  router.get('/setup', async (_req, res) => {
    res.json({ needed: (await countOrganizers(kernel.db)) === 0 });
  });

  router.post('/setup', async (req, res) => {
    const body = parse(SetupBody, req.body);
    if ((await countOrganizers(kernel.db)) > 0) {
      await setup.burn(kernel.db);
      throw new DomainError('forbidden', 'setup is already done; log in instead');
    }
    // Claimed (deleted) before the slow hash, so two requests with the same link cannot both create an
    // account, on this node or another.
    if (!(await setup.claim(kernel.db, body.token))) throw new DomainError('forbidden', 'this setup link is not valid');
    const organizer = await createOrganizer(kernel.db, body, kernel.now());
    const session = await createSession(kernel.db, organizer.id, kernel.now());
    setSessionCookie(req, res, kernel, session.token, session.expires);
    kernel.logger.info({ organizer: organizer.email }, 'first organizer created via setup link');
    res.status(201).json(organizer);
  });

  return router;
}
