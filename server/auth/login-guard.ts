/**
 * Login brute force: failures slow the next attempt down, then lock. Pure: state in, decision out, the time
 * passed in. Two keys per attempt: the account from this address (slowed after a few failures, then locked
 * for a while, so a guesser at one address gets nowhere) and the account from anywhere (slowed only, never
 * locked: a lock any address could trigger would let an attacker shut the organizer out).
 */
export interface GuardPolicy {
  /** Failures forgotten after this long without a new one. */
  windowMs: number;
  /** Failures of one account from one address before each further attempt waits. */
  slowAfter: number;
  /** Failures of one account from one address that lock it there for lockMs. */
  lockAfter: number;
  lockMs: number;
  /** Failures of one account from all addresses together before attempts wait (slower, never locked). */
  accountSlowAfter: number;
  /** The first wait; it doubles with every further failure, up to maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_GUARD_POLICY: GuardPolicy = {
  windowMs: 15 * 60_000,
  slowAfter: 3,
  lockAfter: 10,
  lockMs: 15 * 60_000,
  accountSlowAfter: 20,
  baseDelayMs: 1000,
  maxDelayMs: 60_000,
};

export interface FailureRecord {
  failures: number;
  /** Time of the last failure. */
  lastAt: number;
  /** Locked until (pair records only). */
  lockedUntil: number;
}

export type GuardDecision = { allowed: true } | { allowed: false; retryAfterMs: number; locked: boolean };

function live(record: FailureRecord | undefined, policy: GuardPolicy, now: number): FailureRecord | undefined {
  if (!record) return undefined;
  if (record.lockedUntil > now) return record;
  return now - record.lastAt > policy.windowMs ? undefined : record;
}

function delayAfter(failures: number, threshold: number, policy: GuardPolicy): number {
  if (failures < threshold) return 0;
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (failures - threshold));
}

/** May this attempt be checked at all? (Refused attempts are not counted as failures.) */
export function decide(pair: FailureRecord | undefined, account: FailureRecord | undefined, policy: GuardPolicy, now: number): GuardDecision {
  const p = live(pair, policy, now);
  const a = live(account, policy, now);
  if (p && p.lockedUntil > now) return { allowed: false, retryAfterMs: p.lockedUntil - now, locked: true };
  const waitUntil = Math.max(
    p ? p.lastAt + delayAfter(p.failures, policy.slowAfter, policy) : 0,
    a ? a.lastAt + delayAfter(a.failures, policy.accountSlowAfter, policy) : 0,
  );
  return waitUntil > now ? { allowed: false, retryAfterMs: waitUntil - now, locked: false } : { allowed: true };
}

/** A wrong password (or unknown email): the new records of the pair and the account. */
export function recordFailure(
  pair: FailureRecord | undefined,
  account: FailureRecord | undefined,
  policy: GuardPolicy,
  now: number,
): { pair: FailureRecord; account: FailureRecord } {
  const p = live(pair, policy, now);
  const a = live(account, policy, now);
  const pairFailures = (p?.failures ?? 0) + 1;
  return {
    pair: { failures: pairFailures, lastAt: now, lockedUntil: pairFailures >= policy.lockAfter ? now + policy.lockMs : 0 },
    account: { failures: (a?.failures ?? 0) + 1, lastAt: now, lockedUntil: 0 },
  };
}

/** Whether a record can be dropped (it would decide like no record). */
export function expired(record: FailureRecord, policy: GuardPolicy, now: number): boolean {
  return live(record, policy, now) === undefined;
}

/** The records in memory, keyed by account and by account + address; a success clears the pair. */
export class LoginGuard {
  private readonly pairs = new Map<string, FailureRecord>();
  private readonly accounts = new Map<string, FailureRecord>();

  constructor(private readonly policy: GuardPolicy = DEFAULT_GUARD_POLICY) {}

  private static pairKey(account: string, address: string): string {
    return `${account}\u0000${address}`;
  }

  check(account: string, address: string, now: number): GuardDecision {
    return decide(this.pairs.get(LoginGuard.pairKey(account, address)), this.accounts.get(account), this.policy, now);
  }

  failed(account: string, address: string, now: number): void {
    const key = LoginGuard.pairKey(account, address);
    const next = recordFailure(this.pairs.get(key), this.accounts.get(account), this.policy, now);
    this.pairs.set(key, next.pair);
    this.accounts.set(account, next.account);
  }

  succeeded(account: string, address: string): void {
    this.pairs.delete(LoginGuard.pairKey(account, address));
  }

  sweep(now: number): void {
    for (const map of [this.pairs, this.accounts]) for (const [k, r] of map) if (expired(r, this.policy, now)) map.delete(k);
  }
}
