/**
 * The bridge's status in words, as moderators see it (BridgeStatus). Pure.
 */
import type { BridgeOffReason, BridgeStatus, QuotaEstimate } from '../../../shared/chat/schemas.js';
import type { BridgeConfig, MachineState } from './machine.js';
import { currentLedger, estimateUnits, nextPacificMidnight, type QuotaLedger } from './quota.js';

export interface StatusContext {
  eventId: string;
  now: number;
  quota: QuotaLedger;
  config: BridgeConfig;
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

export function quotaEstimate(intervalMs: number, ctx: StatusContext): QuotaEstimate {
  const ledger = currentLedger(ctx.quota, ctx.now);
  const units = estimateUnits(ctx.config.estimateHours, intervalMs);
  return {
    hours: ctx.config.estimateHours,
    intervalMs,
    units,
    dailyLimit: ctx.config.dailyQuota,
    fits: units <= ctx.config.dailyQuota - ledger.used,
  };
}

function quotaFields(ctx: StatusContext, intervalMs: number) {
  const ledger = currentLedger(ctx.quota, ctx.now);
  return {
    quotaUsedToday: ledger.used,
    quotaUsedByEvent: ledger.byEvent[ctx.eventId] ?? 0,
    quotaResetAt: new Date(nextPacificMidnight(ctx.now)).toISOString(),
    quotaEstimateForHours: quotaEstimate(intervalMs, ctx),
  };
}

export function toStatus(state: MachineState, ctx: StatusContext): BridgeStatus {
  const interval = Math.max(state.pollIntervalMs ?? ctx.config.minPollIntervalMs, ctx.config.minPollIntervalMs);
  const scheduled = state.phase === 'connected' || state.phase === 'waiting' || state.phase === 'backoff';
  return {
    state: state.phase,
    offReason: state.phase === 'off' ? 'stopped' : null,
    videoId: state.videoId,
    lastReadAt: iso(state.lastReadAt),
    nextPollAt: scheduled ? iso(state.dueAt) : null,
    read: state.read,
    imported: state.imported,
    ...quotaFields(ctx, interval),
    lastError: state.lastError,
  };
}

/** The status of an event whose bridge does not run. */
export function offStatus(reason: BridgeOffReason, videoId: string | null, counts: { read: number; imported: number }, ctx: StatusContext): BridgeStatus {
  return {
    state: 'off',
    offReason: reason,
    videoId,
    lastReadAt: null,
    nextPollAt: null,
    read: counts.read,
    imported: counts.imported,
    ...quotaFields(ctx, ctx.config.minPollIntervalMs),
    lastError: null,
  };
}
