/** The chat feature's tables in the kernel's DB type (declaration merging); DDL in sql-store.ts. */
import type { ChatBridgesTable, ChatMessagesTable, ChatQuotaTable } from './sql-store.js';

declare module '../db/types.js' {
  interface DB {
    chat_messages: ChatMessagesTable;
    chat_bridges: ChatBridgesTable;
    chat_quota: ChatQuotaTable;
  }
}
export {};
