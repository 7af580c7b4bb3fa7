/** REST error shape `{ error: { code, message } }` and the mapping of domain errors to HTTP statuses. */
import type { ErrorRequestHandler, Request, Response } from 'express';
import type { z } from 'zod';
import { DomainError, ERROR_STATUS, type ErrorCode, type WireError } from '../../shared/errors.js';
import type { Logger } from '../logger.js';

export function statusOf(code: ErrorCode): number {
  return ERROR_STATUS[code];
}

export function sendError(res: Response, error: WireError): void {
  res.status(statusOf(error.code)).json({ error });
}

/** Zod issue paths as "a.b.0"; the root is "(root)". */
export function issueFields(error: z.ZodError): string[] {
  return [...new Set(error.issues.map((issue) => (issue.path.length ? issue.path.join('.') : '(root)')))];
}

export function invalidPayload(error: z.ZodError): DomainError {
  const fields = issueFields(error);
  return new DomainError('invalid_payload', `invalid input: ${fields.join(', ')}`, { fields });
}

/** Parses a request part against a schema or throws invalid_payload. */
export function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw invalidPayload(result.error);
  return result.data;
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err: unknown, req: Request, res: Response, next) => {
    if (res.headersSent) return next(err);
    if (err instanceof DomainError) {
      // Every 429 says when to try again, in the header as well as in the body (docs/api.md).
      if (err.extra.retryAfterMs !== undefined) res.setHeader('Retry-After', String(Math.max(1, Math.ceil(err.extra.retryAfterMs / 1000))));
      return sendError(res, err.toWire());
    }
    // body-parser errors carry a status and a type.
    const status = typeof err === 'object' && err !== null && 'status' in err ? Number((err as { status: unknown }).status) : 0;
    if (status === 413) {
      res.status(413).json({ error: { code: 'invalid_payload', message: 'request body too large' } });
      return;
    }
    if (status >= 400 && status < 500) {
      return sendError(res, { code: 'invalid_payload', message: 'malformed request body' });
    }
    logger.error({ err, method: req.method, url: req.originalUrl.split('?')[0] }, 'request failed');
    sendError(res, { code: 'internal', message: 'internal error' });
  };
}
