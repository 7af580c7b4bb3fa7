/**
 * The poll loop of one event's bridge as a pure transition function:
 *
 *   step(state, event, ctx) → { state, effects }
 *
 * The shell (poller.ts) performs the effects — HTTP calls, the store transaction, timers — and feeds
 * their outcome back as events. Nothing here does IO or reads a clock: `ctx.now` (epoch ms) and
 * `ctx.jitter` ∈ [0, 1) are given.
 *
 *   start ─► resolving ──videos.list──► connected ──list page──► (commit) ──► connected … (wait interval)
 *               │  │  └─ no chat yet ─► waiting ──recheck──► resolving
 *               │  └─ ended ─────────► ended (stop)
 *               └─ fatal ───────────► error (stop polling; a moderator's retry starts again)
 *   any call ── temporary failure ──► backoff ──delay──► the same call again
 *   page with offlineAt / chatEndedEvent, or 403 liveChatEnded ─► ended (stop)
 *
 * Exactly once: the page token only advances when the shell reports the page `committed`; a failed
 * commit backs off and reads the same page again.
 */
import type { BridgeError, BridgeErrorReason, BridgeState } from '../../../shared/chat/schemas.js';
import { backoffDelay, type BackoffPolicy } from './backoff.js';
import { advanceCursor, type BridgeCursor } from './ledger.js';
import type { BridgeAction } from './mapping.js';
import { canSpend, COST, type QuotaLedger } from './quota.js';
import type { ApiFailure, VideoLookup } from './youtube.js';

export interface BridgeConfig {
  /** Never read the chat more often than this, whatever pollingIntervalMillis says (quota!). */
  minPollIntervalMs: number;
  /** Used when a page carries no pollingIntervalMillis. */
  defaultPollIntervalMs: number;
  /**
   * How often to look again while the broadcast has no active chat yet (videos.list, 1 unit): first after
   * waitingRecheckMs, doubling up to waitingRecheckMaxMs; a broadcast scheduled further ahead is looked at
   * again shortly (waitingLeadMs) before its scheduled start, at most every 6 h. A moderator's retry
   * looks at once.
   */
  waitingRecheckMs: number;
  waitingRecheckMaxMs: number;
  waitingLeadMs: number;
  /** The key's daily quota (Google's default: 10,000 units). */
  dailyQuota: number;
  /** The broadcast length the status estimate is for. */
  estimateHours: number;
  backoff: Record<'network' | 'serverError' | 'badResponse' | 'rateLimitExceeded' | 'forbidden' | 'liveChatNotFound' | 'storage', BackoffPolicy>;
}

/**
 * 6 s between reads: a three-hour broadcast costs 1,800 reads × 5 = 9,000 units plus the lookup — inside
 * the default 10,000 with room for a restart. YouTube usually asks for less (pollingIntervalMillis
 * ≈ 1–5 s); the larger of the two wins.
 */
export const DEFAULT_BRIDGE_CONFIG: BridgeConfig = {
  minPollIntervalMs: 6_000,
  defaultPollIntervalMs: 6_000,
  waitingRecheckMs: 60_000,
  waitingRecheckMaxMs: 300_000,
  waitingLeadMs: 300_000,
  dailyQuota: 10_000,
  estimateHours: 3,
  backoff: {
    network: { baseMs: 2_000, capMs: 300_000 },
    serverError: { baseMs: 5_000, capMs: 300_000 },
    badResponse: { baseMs: 10_000, capMs: 300_000 },
    rateLimitExceeded: { baseMs: 15_000, capMs: 600_000 },
    forbidden: { baseMs: 60_000, capMs: 900_000 },
    liveChatNotFound: { baseMs: 5_000, capMs: 300_000 },
    storage: { baseMs: 1_000, capMs: 60_000 },
  },
};

export type Call = 'video' | 'messages';

export interface MachineState {
  phase: BridgeState;
  videoId: string | null;
  liveChatId: string | null;
  /** The committed position: the next page is read with cursor.pageToken. */
  cursor: BridgeCursor | null;
  /** The call the next tick makes. */
  next: Call;
  /** A call or a commit is running; its outcome is the next event. */
  inFlight: Call | 'commit' | null;
  /** No call before this instant (epoch ms). */
  dueAt: number | null;
  /** Consecutive failures (for backoff); reset by a success. */
  failures: number;
  /** Consecutive lookups that found no chat yet (waiting). */
  waits: number;
  /** The interval used after the last page (for the status and the estimate). */
  pollIntervalMs: number | null;
  /** Interval asked for by the page being committed. */
  pendingIntervalMs: number | null;
  /** The page being committed ends the chat. */
  pendingEnd: boolean;
  /** The cursor the page being committed advances to. */
  pendingCursor: BridgeCursor | null;
  lastReadAt: number | null;
  read: number;
  imported: number;
  lastError: BridgeError | null;
}

export type MachineEvent =
  /** Begin with a video; `cursor`, `read`, `imported` from the store (a restart continues). */
  | { type: 'start'; videoId: string; cursor: BridgeCursor | null; read: number; imported: number }
  /** The timer armed by a `wait` effect fired. */
  | { type: 'tick' }
  | { type: 'video'; lookup: VideoLookup }
  | { type: 'page'; actions: BridgeAction[]; nextPageToken: string | null; pollingIntervalMillis: number | null; offlineAt: string | null }
  /** The store committed the page (with the counters it holds now). */
  | { type: 'committed'; read: number; imported: number }
  | { type: 'commitFailed'; message: string }
  | { type: 'failure'; failure: ApiFailure }
  /** A moderator's click imported a feed message. */
  | { type: 'manualImport' }
  /** A moderator asks to try again now. */
  | { type: 'retry' }
  | { type: 'stop' };

export type Effect =
  | { type: 'fetchVideo'; videoId: string }
  | { type: 'fetchMessages'; liveChatId: string; pageToken: string | null }
  /** Store the page and `cursor` (already advanced) in one transaction, then report `committed`. */
  | { type: 'commit'; actions: BridgeAction[]; cursor: BridgeCursor }
  /** Store the cursor alone (the chat ended without a page: a restart must not poll it again). */
  | { type: 'persistCursor'; cursor: BridgeCursor }
  /** Arm the timer: a `tick` in `ms`. */
  | { type: 'wait'; ms: number }
  /** Add units to today's quota ledger. */
  | { type: 'charge'; units: number }
  /** Google said quotaExceeded: the whole installation pauses until the reset. */
  | { type: 'quotaExhausted' }
  /** The status changed: publish it to the moderators. */
  | { type: 'status' }
  /** The loop is over (ended, error, stopped): clear timers. */
  | { type: 'halt' };

export interface StepContext {
  now: number;
  quota: QuotaLedger;
  config: BridgeConfig;
  /** ∈ [0, 1), for backoff jitter. */
  jitter: number;
}

export interface StepResult {
  state: MachineState;
  effects: Effect[];
}

export function initialState(): MachineState {
  return {
    phase: 'off',
    videoId: null,
    liveChatId: null,
    cursor: null,
    next: 'video',
    inFlight: null,
    dueAt: null,
    failures: 0,
    waits: 0,
    pollIntervalMs: null,
    pendingIntervalMs: null,
    pendingEnd: false,
    pendingCursor: null,
    lastReadAt: null,
    read: 0,
    imported: 0,
    lastError: null,
  };
}

// ---- failures ----

export type FailureAction = 'backoff' | 'quota' | 'fatal' | 'ended' | 'reresolve' | 'resetToken';

export interface Classified {
  reason: BridgeErrorReason;
  action: FailureAction;
}

const KEY_REASONS = new Set([
  'keyInvalid',
  'keyExpired',
  'accessNotConfigured',
  'ipRefererBlocked',
  'API_KEY_INVALID',
  'API_KEY_SERVICE_BLOCKED',
  'API_KEY_HTTP_REFERRER_BLOCKED',
  'API_KEY_IP_ADDRESS_BLOCKED',
  'unregistered',
  'authError',
]);

/** What a failed call means, from Google's `error.errors[0].reason` and the HTTP status. */
export function classifyFailure(failure: ApiFailure, call: Call): Classified {
  if (failure.kind === 'network') return { reason: 'network', action: 'backoff' };
  if (failure.kind === 'badResponse') return { reason: 'badResponse', action: 'backoff' };
  const { status, reason } = failure;
  if (reason === 'quotaExceeded' || reason === 'dailyLimitExceeded' || failure.domain === 'youtube.quota') {
    return { reason: 'quotaExceeded', action: 'quota' };
  }
  if (reason === 'rateLimitExceeded' || reason === 'userRateLimitExceeded' || status === 429) {
    return { reason: 'rateLimitExceeded', action: 'backoff' };
  }
  if (reason === 'liveChatEnded') return { reason: 'liveChatNotFound', action: 'ended' };
  if (reason === 'liveChatDisabled') return { reason: 'liveChatDisabled', action: 'fatal' };
  if (reason === 'liveChatNotFound' || (status === 404 && call === 'messages')) {
    return { reason: 'liveChatNotFound', action: 'reresolve' };
  }
  if (status === 404) return { reason: 'videoNotFound', action: 'fatal' };
  // A stored token YouTube no longer accepts (e.g. after a long pause): read from the chat's start again.
  if (reason === 'pageTokenInvalid' || reason === 'invalidPageToken') return { reason: 'badResponse', action: 'resetToken' };
  const aboutKey = reason === 'badRequest' && /api key/i.test(failure.message ?? '');
  if ((reason !== null && KEY_REASONS.has(reason)) || aboutKey || status === 401) {
    return { reason: 'keyInvalid', action: 'fatal' };
  }
  if (status === 403) return { reason: 'forbidden', action: 'backoff' };
  if (status >= 500) return { reason: 'serverError', action: 'backoff' };
  return { reason: 'unknown', action: 'fatal' };
}

const POLICY_OF: Partial<Record<BridgeErrorReason, keyof BridgeConfig['backoff']>> = {
  network: 'network',
  serverError: 'serverError',
  badResponse: 'badResponse',
  rateLimitExceeded: 'rateLimitExceeded',
  forbidden: 'forbidden',
  liveChatNotFound: 'liveChatNotFound',
  storage: 'storage',
};

export function bridgeError(reason: BridgeErrorReason, now: number, httpStatus: number | null = null, detail: string | null = null): BridgeError {
  return {
    reason,
    messageKey: `chat.error.${reason}`,
    adviceKey: `chat.advice.${reason}`,
    httpStatus,
    detail: detail === null ? null : detail.slice(0, 500),
    at: new Date(now).toISOString(),
  };
}

function failureDetail(f: ApiFailure): { status: number | null; detail: string | null } {
  if (f.kind === 'http') return { status: f.status, detail: f.message ?? f.reason };
  return { status: null, detail: f.message };
}

// ---- helpers ----

const SIX_HOURS = 6 * 3_600_000;

/** Delay before looking again for the chat of a broadcast that has none yet (see BridgeConfig). */
export function waitingDelay(waits: number, scheduledStartAt: number | null, ctx: StepContext): number {
  const { waitingRecheckMs: base, waitingRecheckMaxMs: cap, waitingLeadMs: lead } = ctx.config;
  const grown = Math.min(cap, base * 2 ** Math.min(Math.max(0, waits - 1), 30));
  if (scheduledStartAt !== null && scheduledStartAt - lead - ctx.now > grown) {
    return Math.min(SIX_HOURS, scheduledStartAt - lead - ctx.now);
  }
  return Math.max(base, grown);
}

function costOf(call: Call): number {
  return call === 'video' ? COST.video : COST.messages;
}

function isRunning(phase: BridgeState): boolean {
  return phase === 'resolving' || phase === 'connected' || phase === 'waiting' || phase === 'backoff';
}

function schedule(state: MachineState, ms: number, ctx: StepContext): MachineState {
  return { ...state, dueAt: ctx.now + Math.max(0, Math.round(ms)) };
}

/** Make the call now, if the quota allows; otherwise back off until it does. */
function call(state: MachineState, next: Call, ctx: StepContext, extra: Effect[] = []): StepResult {
  const budget = canSpend(ctx.quota, costOf(next), ctx.config.dailyQuota, ctx.now);
  if (!budget.ok) {
    const wait = budget.until - ctx.now + Math.round(ctx.jitter * 60_000);
    const s: MachineState = {
      ...schedule(state, wait, ctx),
      phase: 'backoff',
      next,
      inFlight: null,
      lastError: state.lastError?.reason === 'quotaExceeded' ? state.lastError : bridgeError('quotaExceeded', ctx.now),
    };
    return { state: s, effects: [...extra, { type: 'status' }, { type: 'wait', ms: wait }] };
  }
  if (next === 'video') {
    return { state: { ...state, next, inFlight: 'video', dueAt: null }, effects: [...extra, { type: 'fetchVideo', videoId: state.videoId! }] };
  }
  return {
    state: { ...state, next, inFlight: 'messages', dueAt: null },
    effects: [...extra, { type: 'fetchMessages', liveChatId: state.liveChatId!, pageToken: state.cursor?.pageToken ?? null }],
  };
}

function ended(state: MachineState, ctx: StepContext, extra: Effect[] = []): StepResult {
  const endedAt = new Date(ctx.now).toISOString();
  const cursor = state.cursor ? { ...state.cursor, endedAt: state.cursor.endedAt ?? endedAt } : null;
  const persist: Effect[] = cursor && !state.cursor?.endedAt ? [{ type: 'persistCursor', cursor }] : [];
  return {
    state: { ...state, phase: 'ended', cursor, inFlight: null, dueAt: null, pendingEnd: false },
    effects: [...extra, ...persist, { type: 'status' }, { type: 'halt' }],
  };
}

function fail(state: MachineState, failed: Call | 'commit', failure: ApiFailure | null, reason: BridgeErrorReason, action: FailureAction, ctx: StepContext, extra: Effect[]): StepResult {
  const { status, detail } = failure ? failureDetail(failure) : { status: null, detail: null };
  const err = bridgeError(reason, ctx.now, status, detail);
  const base: MachineState = { ...state, inFlight: null, lastError: err, failures: state.failures + 1 };
  const retryCall: Call = failed === 'commit' ? 'messages' : failed;
  switch (action) {
    case 'ended':
      return ended({ ...base, lastError: state.lastError }, ctx, extra);
    case 'fatal':
      return { state: { ...base, phase: 'error', dueAt: null }, effects: [...extra, { type: 'status' }, { type: 'halt' }] };
    case 'quota':
      // The next call finds the ledger exhausted and waits for the reset (see `call`).
      return {
        state: { ...base, phase: 'backoff', next: retryCall, dueAt: ctx.now },
        effects: [...extra, { type: 'quotaExhausted' }, { type: 'status' }, { type: 'wait', ms: 0 }],
      };
    case 'resetToken': {
      const cursor = base.cursor ? { ...base.cursor, pageToken: null } : null;
      const delay = ctx.config.minPollIntervalMs;
      return {
        state: { ...schedule({ ...base, cursor }, delay, ctx), phase: 'backoff', next: 'messages' },
        effects: [...extra, { type: 'status' }, { type: 'wait', ms: delay }],
      };
    }
    case 'reresolve':
    case 'backoff': {
      const policy = ctx.config.backoff[POLICY_OF[reason] ?? 'serverError'];
      let delay = backoffDelay(base.failures, policy, ctx.jitter);
      if (reason === 'rateLimitExceeded') delay = Math.max(delay, state.pollIntervalMs ?? ctx.config.minPollIntervalMs);
      const next: Call = action === 'reresolve' ? 'video' : retryCall;
      return {
        state: { ...schedule(base, delay, ctx), phase: 'backoff', next },
        effects: [...extra, { type: 'status' }, { type: 'wait', ms: delay }],
      };
    }
  }
}

// ---- the transition function ----

export function step(state: MachineState, event: MachineEvent, ctx: StepContext): StepResult {
  const ignore: StepResult = { state, effects: [] };
  switch (event.type) {
    case 'start': {
      const keep = event.cursor && event.cursor.videoId === event.videoId ? event.cursor : null;
      const s: MachineState = {
        ...initialState(),
        phase: 'resolving',
        videoId: event.videoId,
        liveChatId: keep?.liveChatId ?? null,
        cursor: keep,
        read: event.read,
        imported: event.imported,
      };
      // A chat seen to end before the restart is not polled again (a moderator's retry does).
      if (keep?.endedAt) return { state: { ...s, phase: 'ended' }, effects: [{ type: 'status' }, { type: 'halt' }] };
      return call(s, 'video', ctx, [{ type: 'status' }]);
    }

    case 'stop':
      if (state.phase === 'off') return ignore;
      // A running commit still finishes (the shell waits for it); its outcome is adopted silently.
      return {
        state: { ...state, phase: 'off', inFlight: state.inFlight === 'commit' ? 'commit' : null, dueAt: null },
        effects: [{ type: 'status' }, { type: 'halt' }],
      };

    case 'retry': {
      if (state.videoId === null || state.phase === 'off') return ignore;
      if (state.inFlight) return ignore; // a call is under way; its outcome decides
      const cursor = state.cursor ? { ...state.cursor, endedAt: null } : null;
      return call({ ...state, phase: 'resolving', cursor, failures: 0, waits: 0, lastError: null }, 'video', ctx, [{ type: 'status' }]);
    }

    case 'tick': {
      if (!isRunning(state.phase) || state.inFlight) return ignore;
      if (state.dueAt !== null && ctx.now < state.dueAt) return { state, effects: [{ type: 'wait', ms: state.dueAt - ctx.now }] };
      const next: Call = state.liveChatId === null ? 'video' : state.next;
      return call(state, next, ctx);
    }

    case 'video': {
      if (!isRunning(state.phase) || state.inFlight !== 'video') return ignore;
      const charged: Effect[] = [{ type: 'charge', units: COST.video }];
      const base = { ...state, inFlight: null };
      const { lookup } = event;
      if (!lookup.found) return fail(base, 'video', null, 'videoNotFound', 'fatal', ctx, charged);
      if (lookup.activeLiveChatId) {
        const id = lookup.activeLiveChatId;
        const cursor: BridgeCursor =
          state.cursor && state.cursor.liveChatId === id
            ? state.cursor
            : { videoId: state.videoId!, liveChatId: id, pageToken: null, endedAt: null };
        // A new chat id reads from the chat's start; recorded ids keep it free of duplicates.
        return call({ ...base, phase: 'connected', liveChatId: id, cursor, failures: 0, waits: 0, lastError: null }, 'messages', ctx, [...charged, { type: 'status' }]);
      }
      if (lookup.ended) return ended(base, ctx, charged);
      if (!lookup.live) return fail(base, 'video', null, 'notLiveVideo', 'fatal', ctx, charged);
      const ms = waitingDelay(state.waits + 1, lookup.scheduledStartAt ?? null, ctx);
      const s = { ...schedule(base, ms, ctx), phase: 'waiting' as const, next: 'video' as const, failures: 0, waits: state.waits + 1, lastError: null };
      return { state: s, effects: [...charged, { type: 'status' }, { type: 'wait', ms }] };
    }

    case 'page': {
      if (!isRunning(state.phase) || state.inFlight !== 'messages' || !state.cursor) return ignore;
      const endsHere = event.offlineAt !== null || event.actions.some((a) => a.kind === 'end');
      const cursor = advanceCursor(state.cursor, event.nextPageToken, endsHere ? new Date(ctx.now).toISOString() : null);
      const interval = Math.max(event.pollingIntervalMillis ?? ctx.config.defaultPollIntervalMs, ctx.config.minPollIntervalMs);
      return {
        state: { ...state, inFlight: 'commit', pendingIntervalMs: interval, pendingEnd: endsHere, pendingCursor: cursor },
        effects: [{ type: 'charge', units: COST.messages }, { type: 'commit', actions: event.actions, cursor }],
      };
    }

    case 'committed': {
      if (state.inFlight !== 'commit') return ignore;
      // The commit effect carried the advanced cursor; it is now the stored one.
      const s: MachineState = {
        ...state,
        cursor: state.pendingCursor ?? state.cursor,
        pendingCursor: null,
        inFlight: null,
        phase: state.phase === 'off' ? 'off' : 'connected',
        failures: 0,
        lastError: null,
        lastReadAt: ctx.now,
        read: event.read,
        imported: event.imported,
        pollIntervalMs: state.pendingIntervalMs,
      };
      if (state.phase === 'off') return { state: s, effects: [] };
      if (state.pendingEnd) return ended(s, ctx);
      const ms = state.pendingIntervalMs ?? ctx.config.minPollIntervalMs;
      return { state: { ...schedule(s, ms, ctx), next: 'messages' }, effects: [{ type: 'status' }, { type: 'wait', ms }] };
    }

    case 'commitFailed':
      if (state.inFlight !== 'commit') return ignore;
      // The page token did not advance: the same page is read again after the delay.
      return fail({ ...state, pendingEnd: false, pendingCursor: null }, 'commit', { kind: 'badResponse', message: event.message }, 'storage', 'backoff', ctx, []);

    case 'failure': {
      if (!isRunning(state.phase) || (state.inFlight !== 'video' && state.inFlight !== 'messages')) return ignore;
      const failedCall = state.inFlight;
      const c = classifyFailure(event.failure, failedCall);
      // Every request that reached the API costs, except the ones refused for quota.
      const charged: Effect[] = event.failure.kind === 'http' && c.action !== 'quota' ? [{ type: 'charge', units: costOf(failedCall) }] : [];
      return fail(state, failedCall, event.failure, c.reason, c.action, ctx, charged);
    }

    case 'manualImport':
      return { state: { ...state, imported: state.imported + 1 }, effects: [{ type: 'status' }] };
  }
}
