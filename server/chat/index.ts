/**
 * The YouTube chat bridge (issue 10 §1) — public entry for the integrator.
 *
 *   const bridges = new ChatBridges({ apiKey, apiBase, storeFor, onStatus, logger })   // from chatConfigFromEnv()
 *   bridges.apply(eventId, event.settings.youtube)      start / on every settings change
 *   bridges.status(eventId)                             snapshot part (staff)
 *   bridges.retry(eventId)                              chat:retry
 *   bridges.importFromFeed(eventId, messageId, text?)   chat:import
 *   bridges.forget(eventId) / bridges.stopAll()         event deleted / shutdown
 *
 * Implement ChatStore (store.ts) in SQL: one transaction per page, importQuestion/withdrawQuestion in the
 * Q&A module. See server/chat/README.md.
 */
export { createChatModule } from './module.js';
export { chatConfigFromEnv, type ChatEnvConfig } from './config.js';
export { importFromFeed, toFeedMessage } from './feed.js';
export { ChatPoller, QuotaBook, systemClock, type Clock, type Logger, type PageSummary, type PollerOptions } from './poller.js';
export { ChatBridges, type ChatBridgesOptions } from './registry.js';
export type { ChatStore, ChatStoreTx, FeedRow, ImportRequest, StoredBridge } from './store.js';
export { createYoutubeApi, DEFAULT_YOUTUBE_API_BASE, YoutubeApiError, type YoutubeApi, type YoutubeApiOptions } from './youtube-api.js';
export { DEFAULT_BRIDGE_CONFIG, type BridgeConfig } from './core/machine.js';
export type { BridgeCursor } from './core/ledger.js';
export type { Ban } from './core/mapping.js';
export type { QuotaLedger } from './core/quota.js';
export {
  createChatTables,
  createSqlChatStore,
  recentFeed,
  sqlQuotaPersistence,
  type ChatTables,
  type QaAdapter,
  type SqlChatStoreOptions,
} from './sql-store.js';
