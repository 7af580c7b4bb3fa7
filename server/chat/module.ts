/**
 * The chat feature module (issue 10 §1): the YouTube live chat bridge wired into the kernel.
 * - ChatBridges (one poller per event, never two) started with the module, re-applied whenever the event's
 *   settings change (settings.youtube), stopped with the module and when the event is deleted.
 * - Every page of chat is one kernel commit (kernel-store.ts); imports go through the Q&A module's
 *   importer on that transaction, so a question and its chat message id commit together.
 * - Status goes to staff through a coalescer (at most one `chat:status` per second and event; the bridge
 *   reports after every read), the public gets nothing of the bridge.
 * - Off by default: no request to Google unless YOUTUBE_API_KEY is set and the event has a URL and an
 *   import rule other than off.
 */
import type { Kysely } from 'kysely';
import { CHAT_FEED_LIMIT, type YoutubeSettings } from '../../shared/chat/schemas.js';
import type { Change } from '../../shared/socket.js';
import { findEventById, rowToInfo } from '../events/repository.js';
import type { Committed, FeatureModule, Handler, Kernel } from '../kernel/feature.js';
import type { QaImports } from '../qa/index.js';
import { chatConfigFromEnv } from './config.js';
import { importFromFeed } from './feed.js';
import { createKernelChatStore, type CommitRunner } from './kernel-store.js';
import { createChatTables, recentFeed, sqlQuotaPersistence, type ChatTables } from './sql-store.js';
import { ChatBridges } from './registry.js';
import './tables.js';

/** How often moderators get the bridge's status at most (the bridge reports after every read, ~6 s). */
const STATUS_WINDOW_MS = 1000;

export function createChatModule(kernel: Kernel, qa: QaImports): FeatureModule {
  const env = chatConfigFromEnv({ ...process.env, ...kernel.options.env });
  const chatDb = kernel.db as unknown as Kysely<ChatTables>;

  // The poller's pages run in the event's queue like any command: emit order = seq order.
  const queued =
    (eventId: string): CommitRunner =>
    (work) =>
      kernel.queues.run(eventId, async () => {
        const committed = await kernel.commit(eventId, work);
        committed.publish();
        return committed.result;
      });

  const status = kernel.coalescer<true>({
    name: 'chatStatus',
    windowMs: STATUS_WINDOW_MS,
    async flush(_trx, eventId) {
      // The newest status at flush time, whatever was recorded during the window.
      const change: Change = { type: 'chat:status', status: bridges.status(eventId) };
      return { staff: [change], pub: [] };
    },
  });

  const makeBridges = (quota: ConstructorParameters<typeof ChatBridges>[0]['quota']) =>
    new ChatBridges({
      apiKey: env.apiKey,
      apiBase: env.apiBase,
      config: env.bridge,
      logger: kernel.logger,
      quota,
      storeFor: (eventId) => createKernelChatStore(kernel, qa, eventId, queued(eventId)),
      onStatus: (eventId) => status.record(eventId, 'status', true),
    });
  let bridges = makeBridges(undefined);
  let stopped = false;

  /** The settings each bridge was last given (cluster mode: resync compares to skip unchanged ones). */
  const applied = new Map<string, string>();
  // Several nodes: only the leader runs bridges (one poller per event in the whole cluster); the others
  // keep out of YouTube's quota and learn of settings through resync.
  const apply = (eventId: string, settings: YoutubeSettings) => {
    if (stopped || !kernel.leader.isLeader) return;
    applied.set(eventId, JSON.stringify(settings));
    bridges.apply(eventId, settings).catch((err: unknown) => kernel.logger.warn({ err, eventId }, 'chat bridge: apply failed'));
  };
  const applyAll = async () => {
    const rows = await kernel.db.selectFrom('events').selectAll().execute();
    for (const row of rows) {
      const youtube = rowToInfo(row).settings.youtube;
      if (youtube.url && youtube.chatImport !== 'off') apply(row.id, youtube);
    }
  };

  const importHandler: Handler<'chat:import'> = {
    serial: true,
    async run(ctx, { messageId, text }) {
      const { eventId } = ctx.actor;
      // Already inside the event's queue: commit directly (re-entering the queue would wait for itself).
      let committed: Committed<unknown> | null = null;
      const direct: CommitRunner = async (work) => {
        const c = await kernel.commit(eventId, work);
        committed = c;
        return c.result;
      };
      const result = await importFromFeed(createKernelChatStore(kernel, qa, eventId, direct), messageId, text);
      if (!result.already) bridges.poller(eventId)?.noteManualImport();
      return { result, publish: () => (committed as Committed<unknown> | null)?.publish() };
    },
  };

  const retryHandler: Handler<'chat:retry'> = {
    serial: false,
    async run(ctx) {
      return { result: { status: await bridges.retry(ctx.actor.eventId) } };
    },
  };

  return {
    name: 'chat',
    handlers: { 'chat:import': importHandler, 'chat:retry': retryHandler },
    migrations: {
      '20261130_chat_tables': { up: (db) => createChatTables(db) },
    },
    // The feed is written in commits (a seq each); the bridge's status lives in memory: personal part.
    async sharedSnapshot(ctx) {
      if (ctx.audience !== 'staff') return { status: null, feed: [] };
      return { feed: await recentFeed(ctx.trx as unknown as Kysely<ChatTables>, ctx.eventId, CHAT_FEED_LIMIT) };
    },
    async personalSnapshot(ctx) {
      return ctx.audience === 'staff' ? { status: bridges.status(ctx.eventId) } : {};
    },
    async start() {
      const quota = await sqlQuotaPersistence(chatDb, (err) => kernel.logger.warn({ err }, 'chat bridge: quota not saved'));
      bridges = makeBridges(quota);
      await applyAll();
      kernel.leader.onChange((leader) => {
        if (stopped) return;
        applied.clear();
        if (leader) void applyAll().catch((err: unknown) => kernel.logger.warn({ err }, 'chat bridge: start as leader failed'));
        else void bridges.stopAll();
      });
    },
    async stop() {
      stopped = true;
      await bridges.stopAll();
    },
    onSettingsChanged(eventId, settings) {
      apply(eventId, settings.youtube);
    },
    // Another node committed to this event (maybe its settings): the leader re-reads them.
    resync(eventId) {
      if (stopped || !kernel.leader.isLeader) return;
      void findEventById(kernel.db, eventId)
        .then((row) => {
          const youtube = row ? rowToInfo(row).settings.youtube : null;
          if (youtube && applied.get(eventId) !== JSON.stringify(youtube) && (applied.has(eventId) || (youtube.url && youtube.chatImport !== 'off'))) apply(eventId, youtube);
        })
        .catch((err: unknown) => kernel.logger.warn({ err, eventId }, 'chat bridge: settings not re-read'));
    },
    forgetEvent(eventId) {
      applied.delete(eventId);
      status.forgetEvent(eventId);
      void bridges.forget(eventId);
      // No foreign keys to events on these tables: the rows go with the event here.
      void chatDb
        .deleteFrom('chat_messages')
        .where('event_id', '=', eventId)
        .execute()
        .then(() => chatDb.deleteFrom('chat_bridges').where('event_id', '=', eventId).execute())
        .catch((err: unknown) => kernel.logger.warn({ err, eventId }, 'chat: rows of a deleted event not removed'));
    },
  };
}
