/** Error messages in the user's language, keyed by error code (and optionally by the action that failed). */
import type { TFunction } from 'i18next';

export interface ErrorLike {
  code: string;
  retryAfterMs?: number;
  /** plan_failed: `reason` picks `errors.reason.<reason>`; the other values fill its placeholders. */
  params?: Record<string, string | number>;
}

/**
 * `context` names the action (e.g. `ask`): `errors.ask.rate_limited` is tried before `errors.rate_limited`,
 * so "too many questions" can be more specific than "too many actions".
 */
export function errorMessage(t: TFunction, error: ErrorLike, context?: string): string {
  const seconds = Math.max(1, Math.ceil((error.retryAfterMs ?? 0) / 1000));
  const reason = error.params?.reason;
  const keys = [
    ...(context ? [`errors.${context}.${error.code}`] : []),
    ...(reason !== undefined ? [`errors.reason.${reason}`] : []),
    `errors.${error.code}`,
    'errors.unknown',
  ];
  return t(keys, { ...error.params, seconds });
}
