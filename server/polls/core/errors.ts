/**
 * DomainError with the polls feature's own codes. DomainError takes the shared ErrorCode, which gains
 * pollsFeature.errorCodes only when the integrator merges them; until then the one cast lives here.
 */
import { DomainError, type ErrorCode, type WireError } from '../../../shared/errors.js';
import type { PollErrorCode } from '../../../shared/polls/schemas.js';

export type PollsErrorCode = ErrorCode | PollErrorCode;

export function pollError(
  code: PollsErrorCode,
  message: string,
  extra: Partial<Pick<WireError, 'retryAfterMs' | 'fields' | 'params'>> = {},
): DomainError {
  return new DomainError(code as ErrorCode, message, extra);
}
