/** Refusals in the user's language: polls.errors.<context>.<code>, polls.errors.<code>, then the shared errors.<code>. */
import type { TFunction } from 'i18next';
import type { PollErrorLike } from './types.js';

export function pollErrorMessage(t: TFunction, error: PollErrorLike, context?: string): string {
  const seconds = Math.max(1, Math.ceil((error.retryAfterMs ?? 0) / 1000));
  const keys = [
    ...(context ? [`polls.errors.${context}.${error.code}`] : []),
    `polls.errors.${error.code}`,
    `errors.${error.code}`,
    'errors.unknown',
  ];
  return t(keys, { ...error.params, seconds });
}
