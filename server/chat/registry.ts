/**
 * ChatBridges: the one place that starts and stops pollers — at most one per event, ever.
 *
 * The integrator calls:
 *   apply(eventId, settings.youtube)   on module start for every event, and after every event:settings
 *                                      change (starts, restarts on a new video, or stops the poller)
 *   forget(eventId)                    event deleted
 *   stopAll()                          module stop (server shutdown)
 *   status(eventId)                    snapshot (staff)
 *   retry(eventId)                     chat:retry
 *   importFromFeed(eventId, id, text)  chat:import
 * and receives onStatus(eventId, status) → publish a `chat:status` change to staff.
 * Calls for one event are serialised, so overlapping apply()s never leave two pollers behind.
 */
import { settingsVideoId, type BridgeOffReason, type BridgeStatus, type YoutubeSettings } from '../../shared/chat/schemas.js';
import { DEFAULT_BRIDGE_CONFIG, type BridgeConfig } from './core/machine.js';
import type { QuotaLedger } from './core/quota.js';
import { offStatus } from './core/status.js';
import { importFromFeed } from './feed.js';
import { ChatPoller, QuotaBook, systemClock, type Clock, type Logger, type PageSummary } from './poller.js';
import type { ChatStore } from './store.js';
import { createYoutubeApi, type YoutubeApi } from './youtube-api.js';

export interface ChatBridgesOptions {
  /** YOUTUBE_API_KEY; null = no bridge runs anywhere (status off, no_api_key). */
  apiKey: string | null;
  /** YOUTUBE_API_BASE. */
  apiBase?: string;
  fetch?: typeof fetch;
  /** Instead of apiKey/apiBase/fetch (tests). */
  api?: YoutubeApi;
  storeFor(eventId: string): ChatStore;
  config?: BridgeConfig;
  clock?: Clock;
  random?: () => number;
  /** Today's ledger as persisted (optional), and where to persist it. */
  quota?: { initial: QuotaLedger | null; persist?: (ledger: QuotaLedger) => void };
  onStatus?(eventId: string, status: BridgeStatus): void;
  onPage?(summary: PageSummary): void;
  logger?: Logger;
}

export class ChatBridges {
  private readonly pollers = new Map<string, ChatPoller>();
  private readonly settings = new Map<string, YoutubeSettings>();
  private readonly offStatuses = new Map<string, BridgeStatus>();
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly api: YoutubeApi | null;
  private readonly config: BridgeConfig;
  private readonly clock: Clock;
  readonly quota: QuotaBook;

  constructor(private readonly o: ChatBridgesOptions) {
    this.config = o.config ?? DEFAULT_BRIDGE_CONFIG;
    this.clock = o.clock ?? systemClock;
    this.api = o.api ?? (o.apiKey ? createYoutubeApi({ apiKey: o.apiKey, baseUrl: o.apiBase, fetch: o.fetch }) : null);
    this.quota = new QuotaBook(o.quota?.initial ?? null, this.clock.now(), o.quota?.persist);
  }

  /** Whether an API key is configured at all (the settings form can say so). */
  get enabled(): boolean {
    return this.api !== null;
  }

  /** Runs fn after every earlier call for this event. */
  private serial<T>(eventId: string, fn: () => Promise<T>): Promise<T> {
    const prev = this.queues.get(eventId) ?? Promise.resolve();
    const next = prev.then(fn, fn);
    const tail = next.catch(() => undefined);
    this.queues.set(eventId, tail);
    void tail.then(() => {
      if (this.queues.get(eventId) === tail) this.queues.delete(eventId);
    });
    return next;
  }

  private offReason(settings: YoutubeSettings): BridgeOffReason | null {
    if (!this.api) return 'no_api_key';
    if (!settingsVideoId(settings)) return 'no_url';
    if (settings.chatImport === 'off') return 'import_off';
    return null;
  }

  private statusContext() {
    const now = this.clock.now();
    return { now, quota: this.quota.get(now), config: this.config };
  }

  /** Makes the event's bridge match its settings; returns the status after the change. */
  apply(eventId: string, settings: YoutubeSettings): Promise<BridgeStatus> {
    return this.serial(eventId, async () => {
      this.settings.set(eventId, settings);
      const reason = this.offReason(settings);
      const videoId = settingsVideoId(settings);
      const current = this.pollers.get(eventId);
      if (reason === null && current && current.videoId === videoId) return current.status();
      if (current) {
        this.pollers.delete(eventId);
        await current.stop();
      }
      if (reason !== null) {
        const counts = await this.o.storeFor(eventId).load().then(
          (s) => ({ read: s.read, imported: s.imported }),
          () => ({ read: 0, imported: 0 }),
        );
        const status = offStatus(reason, videoId, counts, { eventId, ...this.statusContext() });
        this.offStatuses.set(eventId, status);
        this.o.onStatus?.(eventId, status);
        return status;
      }
      this.offStatuses.delete(eventId);
      const poller = new ChatPoller({
        eventId,
        videoId: videoId!,
        api: this.api!,
        store: this.o.storeFor(eventId),
        rule: () => {
          const s = this.settings.get(eventId)!;
          return { chatImport: s.chatImport, prefixes: s.prefixes };
        },
        quota: this.quota,
        config: this.config,
        clock: this.clock,
        random: this.o.random,
        onStatus: (status) => this.o.onStatus?.(eventId, status),
        onPage: this.o.onPage,
        logger: this.o.logger,
      });
      this.pollers.set(eventId, poller);
      await poller.start();
      return poller.status();
    });
  }

  status(eventId: string): BridgeStatus {
    const poller = this.pollers.get(eventId);
    if (poller) return poller.status();
    const known = this.offStatuses.get(eventId);
    const ctx = { eventId, ...this.statusContext() };
    if (known) return offStatus(known.offReason ?? 'stopped', known.videoId, known, ctx);
    return offStatus(this.api ? 'no_url' : 'no_api_key', null, { read: 0, imported: 0 }, ctx);
  }

  /** chat:retry. Returns the status (unchanged when the bridge is off). */
  retry(eventId: string): Promise<BridgeStatus> {
    return this.serial(eventId, async () => {
      const poller = this.pollers.get(eventId);
      poller?.retry();
      return this.status(eventId);
    });
  }

  /** chat:import: works whether or not the poller runs (the feed stays after the broadcast). */
  async importFromFeed(eventId: string, messageId: string, text?: string): Promise<{ questionId: string; already: boolean }> {
    const result = await importFromFeed(this.o.storeFor(eventId), messageId, text);
    if (!result.already) this.pollers.get(eventId)?.noteManualImport();
    return result;
  }

  /** The event was deleted: stop its poller and forget it. */
  forget(eventId: string): Promise<void> {
    return this.serial(eventId, async () => {
      const poller = this.pollers.get(eventId);
      this.pollers.delete(eventId);
      this.settings.delete(eventId);
      this.offStatuses.delete(eventId);
      await poller?.stop();
    });
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.pollers.keys()].map((id) => this.forget(id)));
  }

  /** The poller of an event (tests, diagnostics). */
  poller(eventId: string): ChatPoller | undefined {
    return this.pollers.get(eventId);
  }

  /** Events with a running poller. */
  running(): string[] {
    return [...this.pollers.keys()];
  }
}
