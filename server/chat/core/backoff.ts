/**
 * Exponential backoff with "equal jitter": half the delay is fixed, half is random, so many bridges
 * (or a restarted server) do not retry in lockstep. Pure: the random number is a parameter.
 */
export interface BackoffPolicy {
  /** Delay before the first retry (attempt 1), before jitter. */
  baseMs: number;
  /** Upper bound of any delay. */
  capMs: number;
}

/**
 * Delay before retry number `attempt` (1 = first retry): min(cap, base·2^(attempt−1)), of which the
 * upper half is scaled by `jitter` ∈ [0, 1). Result ∈ [d/2, d).
 */
export function backoffDelay(attempt: number, policy: BackoffPolicy, jitter: number): number {
  const n = Math.max(1, Math.floor(attempt));
  const exp = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(n - 1, 30));
  const j = Math.min(Math.max(jitter, 0), 0.999_999);
  return Math.floor(exp / 2 + (exp / 2) * j);
}
