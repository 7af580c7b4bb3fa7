/**
 * GET /metrics for Prometheus. With METRICS_TOKEN set, only `Authorization: Bearer <token>` gets in;
 * without it, only direct requests from this machine (loopback, no X-Forwarded-For: a reverse proxy on
 * the same host would otherwise make every visitor look local).
 */
import { timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import type { Metrics } from '../kernel/metrics.js';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function metricsAllowed(req: Pick<Request, 'headers'> & { socket: { remoteAddress?: string } }, token: string | null): boolean {
  if (token) {
    const m = /^Bearer (.+)$/.exec(req.headers.authorization ?? '');
    return !!m && sameSecret(m[1]!, token);
  }
  return LOOPBACK.test(req.socket.remoteAddress ?? '') && req.headers['x-forwarded-for'] === undefined && req.headers.forwarded === undefined;
}

export function metricsRoute(metrics: Metrics, token: string | null): RequestHandler {
  return (req, res, next) => {
    if (!metricsAllowed(req, token)) {
      res.setHeader('Cache-Control', 'no-store');
      if (token) res.setHeader('WWW-Authenticate', 'Bearer');
      res.status(token ? 401 : 403).type('text/plain').send(token ? 'metrics need the bearer token\n' : 'metrics are served to this machine only (set METRICS_TOKEN to allow others)\n');
      return;
    }
    metrics.registry.metrics().then(
      (text) => {
        res.setHeader('Cache-Control', 'no-store');
        res.type(metrics.registry.contentType).send(text);
      },
      (err: unknown) => next(err),
    );
  };
}
