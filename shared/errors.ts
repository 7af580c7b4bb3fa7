import { z } from 'zod';
import { foldErrorCodes } from './kernel/contract.js';
import { sharedFeatures } from './features.js';

/** The kernel's codes with their HTTP status in REST answers; features add theirs (SharedFeature.errorCodes). */
const KERNEL_ERROR_STATUS = {
  invalid_payload: 400, // the message did not match its schema
  unauthorized: 401, // no valid identity for this event
  forbidden: 403, // identity is valid but the role may not do this
  not_found: 404, // the event, question or item does not exist (in this event)
  invalid_state: 409, // the item exists but the transition is not allowed from its state
  too_long: 400, // text exceeds the event's limit
  rate_limited: 429, // too many commands of this kind; see retryAfterMs
  closed: 403, // the feature is switched off for this event
  invite_only: 403, // the event takes only people with a personal link (settings.access.inviteOnly)
  protocol_mismatch: 400, // client speaks another protocol version
  internal: 500, // unexpected server failure; nothing was changed
} as const;

export const ERROR_STATUS = { ...KERNEL_ERROR_STATUS, ...foldErrorCodes(sharedFeatures) };
type ErrorCodeName = keyof typeof ERROR_STATUS;

export const ErrorCode = z.enum(Object.keys(ERROR_STATUS) as [ErrorCodeName, ...ErrorCodeName[]]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const WireError = z.object({
  code: ErrorCode,
  message: z.string(),
  /** For rate_limited: when the client may try again. */
  retryAfterMs: z.number().int().nonnegative().optional(),
  /** For invalid_payload: which fields were wrong (zod issue paths joined by "."). */
  fields: z.array(z.string()).optional(),
  /** For plan_failed: `reason` (the engine's PlanErrorCode) and its values (groups, people, ids …) for translation. */
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type WireError = z.infer<typeof WireError>;

export type AckOk<T> = { ok: true } & T;
export type AckErr = { ok: false; error: WireError };
export type Ack<T> = AckOk<T> | AckErr;

export class DomainError extends Error {
  constructor(
    public readonly code: ErrorCode,
    message: string,
    public readonly extra: Partial<Pick<WireError, 'retryAfterMs' | 'fields' | 'params'>> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
  toWire(): WireError {
    return { code: this.code, message: this.message, ...this.extra };
  }
}
