/**
 * The impure shell around the pure machine (core/machine.ts) for ONE event: it performs the machine's
 * effects — HTTP calls through YoutubeApi, the page transaction through ChatStore, timers through an
 * injected Clock — and feeds the outcomes back as events. Use ChatBridges (registry.ts) rather than this
 * class directly: it guarantees one poller per event.
 */
import type { BridgeStatus } from '../../shared/chat/schemas.js';
import { messageIds, planPage, type BridgeCursor, type PagePlan } from './core/ledger.js';
import { DEFAULT_BRIDGE_CONFIG, initialState, step, type BridgeConfig, type Effect, type MachineEvent, type MachineState } from './core/machine.js';
import { mapItems } from './core/mapping.js';
import { charge, currentLedger, emptyLedger, markExhausted, type QuotaLedger } from './core/quota.js';
import type { SelectionRule } from './core/selection.js';
import { toStatus } from './core/status.js';
import type { ApiFailure } from './core/youtube.js';
import type { ChatStore, FeedRow } from './store.js';
import { YoutubeApiError, type YoutubeApi } from './youtube-api.js';

export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => {
    const t = setTimeout(fn, ms);
    t.unref?.();
    return t;
  },
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export interface Logger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

/**
 * The installation's quota ledger, shared by all pollers (one API key). `persist` is called after every
 * change (optional: without it a restart forgets today's usage and the status under-reports it).
 */
export class QuotaBook {
  private ledger: QuotaLedger;
  constructor(
    initial: QuotaLedger | null,
    now: number,
    private readonly persist?: (ledger: QuotaLedger) => void,
  ) {
    this.ledger = initial ? currentLedger(initial, now) : emptyLedger(now);
  }
  get(now: number): QuotaLedger {
    this.ledger = currentLedger(this.ledger, now);
    return this.ledger;
  }
  charge(eventId: string, units: number, now: number): void {
    this.ledger = charge(this.ledger, eventId, units, now);
    this.persist?.(this.ledger);
  }
  exhaust(now: number): void {
    this.ledger = markExhausted(this.ledger, now);
    this.persist?.(this.ledger);
  }
}

/** What one committed page did (for logs, tests, and the integrator's bookkeeping if wanted). */
export interface PageSummary {
  eventId: string;
  plan: PagePlan;
  /** Feed rows inserted or changed (new, deleted, banned), by id, last state. */
  changed: FeedRow[];
  imported: { messageId: string; questionId: string }[];
  withdrawn: { messageId: string; questionId: string }[];
  cursor: BridgeCursor;
  skippedItems: number;
}

export interface PollerOptions {
  eventId: string;
  videoId: string;
  api: YoutubeApi;
  store: ChatStore;
  /** The event's current import rule; read for every page, so settings changes apply at once. */
  rule: () => SelectionRule;
  quota: QuotaBook;
  config?: BridgeConfig;
  clock?: Clock;
  /** ∈ [0, 1); jitter for backoff. */
  random?: () => number;
  onStatus?: (status: BridgeStatus) => void;
  onPage?: (summary: PageSummary) => void;
  logger?: Logger;
}

function toFailure(err: unknown): ApiFailure {
  if (err instanceof YoutubeApiError) return err.failure;
  return { kind: 'network', message: err instanceof Error ? err.message : String(err) };
}

export class ChatPoller {
  readonly eventId: string;
  readonly videoId: string;
  private state: MachineState = initialState();
  private timer: unknown = null;
  private readonly config: BridgeConfig;
  private readonly clock: Clock;
  private readonly random: () => number;
  /** The running store transaction, if any (stop waits for it). */
  private committing: Promise<void> | null = null;
  /** Every running operation (tests wait for quiet). */
  private readonly pending = new Set<Promise<unknown>>();
  private skippedItems = 0;
  /** stop() was called: a poller is not restarted (the registry makes a new one). */
  private stopped = false;

  constructor(private readonly o: PollerOptions) {
    this.eventId = o.eventId;
    this.videoId = o.videoId;
    this.config = o.config ?? DEFAULT_BRIDGE_CONFIG;
    this.clock = o.clock ?? systemClock;
    this.random = o.random ?? Math.random;
  }

  /** Loads the stored cursor and starts polling (continuing from the stored page token). */
  async start(): Promise<void> {
    if (this.state.phase !== 'off' || this.stopped) return;
    const stored = await this.o.store.load();
    if (this.stopped) return; // stop() came while the cursor was loading
    this.dispatch({ type: 'start', videoId: this.videoId, cursor: stored.cursor, read: stored.read, imported: stored.imported });
  }

  /** Stops polling; resolves when no store transaction of this poller is running any more. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.dispatch({ type: 'stop' });
    this.clearTimer();
    while (this.committing) await this.committing;
  }

  /** Try again now (re-resolves the chat; clears an error, an ended chat, a backoff). */
  retry(): void {
    this.clearTimer();
    this.dispatch({ type: 'retry' });
  }

  /** A moderator imported a feed message: counts it. */
  noteManualImport(): void {
    this.dispatch({ type: 'manualImport' });
  }

  status(): BridgeStatus {
    const now = this.clock.now();
    return toStatus(this.state, { eventId: this.eventId, now, quota: this.o.quota.get(now), config: this.config });
  }

  /** The machine state (read-only; for tests and diagnostics). */
  get machine(): Readonly<MachineState> {
    return this.state;
  }

  /** Resolves when no call or commit is running (for tests). */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  // ---- the interpreter ----

  private dispatch(event: MachineEvent): void {
    const now = this.clock.now();
    const { state, effects } = step(this.state, event, { now, quota: this.o.quota.get(now), config: this.config, jitter: this.random() });
    const before = this.state;
    this.state = state;
    if (state.phase !== before.phase || state.lastError?.reason !== before.lastError?.reason) {
      this.o.logger?.info(
        { eventId: this.eventId, videoId: this.videoId, from: before.phase, to: state.phase, reason: state.lastError?.reason ?? null, detail: state.lastError?.detail ?? null },
        'chat bridge state',
      );
    }
    for (const effect of effects) this.perform(effect);
  }

  private track<T>(p: Promise<T>): void {
    const tracked = p.then(
      () => undefined,
      (err: unknown) => this.o.logger?.warn({ err, eventId: this.eventId }, 'chat bridge: unexpected error'),
    );
    this.pending.add(tracked);
    void tracked.finally(() => this.pending.delete(tracked));
  }

  private perform(effect: Effect): void {
    switch (effect.type) {
      case 'fetchVideo':
        this.track(
          this.o.api.lookupVideo(effect.videoId).then(
            (lookup) => this.dispatch({ type: 'video', lookup }),
            (err: unknown) => this.dispatch({ type: 'failure', failure: toFailure(err) }),
          ),
        );
        return;
      case 'fetchMessages':
        this.track(
          this.o.api.listMessages(effect.liveChatId, effect.pageToken).then(
            (page) => {
              this.skippedItems += page.skipped;
              this.dispatch({
                type: 'page',
                actions: mapItems(page.items),
                nextPageToken: page.nextPageToken,
                pollingIntervalMillis: page.pollingIntervalMillis,
                offlineAt: page.offlineAt,
              });
            },
            (err: unknown) => this.dispatch({ type: 'failure', failure: toFailure(err) }),
          ),
        );
        return;
      case 'commit': {
        const run = this.commit(effect.actions, effect.cursor);
        const done = run.finally(() => {
          if (this.committing === done) this.committing = null;
        });
        this.committing = done;
        this.track(done);
        return;
      }
      case 'persistCursor': {
        const cursor = effect.cursor;
        // Best effort: if it fails, a restart looks the video up once more and finds it ended.
        const run = this.o.store
          .transaction((tx) => tx.saveCursor(cursor))
          .catch((err: unknown) => this.o.logger?.warn({ err, eventId: this.eventId }, 'chat bridge: storing the end failed'));
        const done = run.finally(() => {
          if (this.committing === done) this.committing = null;
        });
        this.committing = done;
        this.track(done);
        return;
      }
      case 'wait':
        this.clearTimer();
        this.timer = this.clock.setTimeout(() => {
          this.timer = null;
          this.dispatch({ type: 'tick' });
        }, effect.ms);
        return;
      case 'charge':
        this.o.quota.charge(this.eventId, effect.units, this.clock.now());
        return;
      case 'quotaExhausted':
        this.o.quota.exhaust(this.clock.now());
        return;
      case 'status':
        this.emitStatus();
        return;
      case 'halt':
        this.clearTimer();
        return;
    }
  }

  private emitStatus(): void {
    if (!this.o.onStatus) return;
    try {
      this.o.onStatus(this.status());
    } catch (err) {
      this.o.logger?.warn({ err, eventId: this.eventId }, 'chat bridge: status listener failed');
    }
  }

  private clearTimer(): void {
    if (this.timer !== null) {
      this.clock.clearTimeout(this.timer);
      this.timer = null;
    }
  }

  /** One page, one transaction: records, imports, withdrawals, bans, and the advanced cursor. */
  private async commit(actions: Parameters<typeof planPage>[0], cursor: BridgeCursor): Promise<void> {
    const rule = this.o.rule();
    let summary: PageSummary;
    let counts: { read: number; imported: number };
    try {
      ({ summary, counts } = await this.o.store.transaction(async (tx) => {
        const seen = await tx.seen(messageIds(actions));
        const plan = planPage(actions, seen, rule);
        const changed = new Map<string, FeedRow>();
        const imported: PageSummary['imported'] = [];
        const withdrawn: PageSummary['withdrawn'] = [];
        for (const r of plan.record) {
          let questionId: string | null = null;
          if (r.importNow) {
            questionId = await tx.importQuestion({
              messageId: r.id,
              text: r.questionText,
              authorName: r.authorName,
              authorChannelId: r.authorChannelId,
              source: 'youtube',
              at: r.publishedAt,
              manual: false,
            });
            imported.push({ messageId: r.id, questionId });
          }
          const row: FeedRow = {
            id: r.id,
            kind: r.kind,
            authorChannelId: r.authorChannelId,
            authorName: r.authorName,
            text: r.text,
            questionText: r.questionText,
            amount: r.amount,
            publishedAt: r.publishedAt,
            matched: r.matched,
            questionId,
            deleted: r.deleted,
            banned: r.banned,
          };
          await tx.recordMessage(row);
          changed.set(row.id, row);
        }
        for (const id of plan.deletions) {
          const row = await tx.markDeleted(id);
          if (!row) continue;
          changed.set(row.id, row);
          if (row.questionId) {
            await tx.withdrawQuestion(row.questionId, id);
            withdrawn.push({ messageId: id, questionId: row.questionId });
          }
        }
        for (const ban of plan.bans) for (const row of await tx.markBanned(ban)) changed.set(row.id, row);
        await tx.saveCursor(cursor);
        const counts = await tx.counts();
        const summary: PageSummary = { eventId: this.eventId, plan, changed: [...changed.values()], imported, withdrawn, cursor, skippedItems: this.skippedItems };
        return { summary, counts };
      }));
    } catch (err) {
      this.o.logger?.warn({ err, eventId: this.eventId }, 'chat bridge: storing a page failed; it is read again');
      this.dispatch({ type: 'commitFailed', message: err instanceof Error ? err.message : String(err) });
      return;
    }
    this.dispatch({ type: 'committed', read: counts.read, imported: counts.imported });
    try {
      this.o.onPage?.(summary);
    } catch (err) {
      this.o.logger?.warn({ err, eventId: this.eventId }, 'chat bridge: page listener failed');
    }
  }
}
