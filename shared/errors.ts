import { z } from 'zod';

import { sharedFeatures, type FeatureName, type SharedFeatures } from './features.js';

const kernelCodes = [
  'invalid_payload', // the message did not match its schema
  'unauthorized', // no valid identity for this event
  'forbidden', // identity is valid but the role may not do this
  'not_found', // the event, question or item does not exist (in this event)
  'invalid_state', // the item exists but the transition is not allowed from its state
  'too_long', // text exceeds the event's limit
  'rate_limited', // too many commands of this kind; see retryAfterMs
  'closed', // the feature is switched off for this event
  'protocol_mismatch', // client speaks another protocol version
  'internal', // unexpected server failure; nothing was changed
] as const;
type FeatureCode = SharedFeatures[FeatureName]['errorCodes'][number];

/** The kernel's codes plus every feature's (e.g. breakouts' `plan_failed`: params.reason is the engine's code). */
export const ErrorCode = z.enum([
  ...kernelCodes,
  ...Object.values(sharedFeatures).flatMap((f) => f.errorCodes as readonly string[]),
] as unknown as [(typeof kernelCodes)[number] | FeatureCode, ...Array<(typeof kernelCodes)[number] | FeatureCode>]);
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
