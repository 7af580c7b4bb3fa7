/**
 * What the bridge needs from the database — implemented by the integrator in SQL (Kysely), inside the
 * chat feature and the Q&A module. The bridge never touches SQL itself.
 *
 * Exactly once hinges on `transaction`: everything one page does (feed rows, imported questions,
 * withdrawals, bans) and the cursor (page token) are written in ONE database transaction. A throw inside
 * `work` must roll ALL of it back — including the questions `importQuestion` created. Then a crash or a
 * failed write never leaves a question without its recorded message id (duplicate on re-read) nor a token
 * past messages that were not stored (gap). With the kernel: `transaction = work => kernel.commit(eventId,
 * trx => work(txOver(trx)))`, collecting the deltas (question:upsert for imports and withdrawals,
 * qa:pendingCount, chat:feed for rows) while `work` runs, published after the commit.
 *
 * Suggested tables (one row per chat message and event, the id is the primary key with the event):
 *   chat_messages(event_id, id, kind, author_channel_id, author_name, text, question_text, amount,
 *                 published_at, matched, question_id NULL, deleted, banned, received_at)
 *     PRIMARY KEY (event_id, id)
 *   chat_bridges(event_id PRIMARY KEY, video_id, live_chat_id, page_token NULL, ended_at NULL)
 *   chat_quota(day PRIMARY KEY, used, by_event JSON, exhausted_until NULL)   — optional, see QuotaBook
 */
import type { BridgeCursor } from './core/ledger.js';
import type { Ban } from './core/mapping.js';

/** One chat message as stored (the feed row). */
export interface FeedRow {
  id: string;
  kind: 'text' | 'superChat';
  authorChannelId: string;
  authorName: string;
  /** The message as written (normalised whitespace is not applied here). */
  text: string;
  /** The question text the rule would use: normalised, prefix removed. */
  questionText: string;
  amount: string | null;
  /** YouTube's publishedAt (ISO). */
  publishedAt: string;
  matched: boolean;
  questionId: string | null;
  deleted: boolean;
  banned: boolean;
}

/** A question to create in the review queue (state pending, whatever pre-moderation says). */
export interface ImportRequest {
  /** The chat message id (store it with the question if you like; the feed row links both ways). */
  messageId: string;
  /** Question text: prefix removed; for manual imports, the moderator's corrected text if any. */
  text: string;
  /** Shown as the question's author name, with the source. */
  authorName: string;
  authorChannelId: string;
  source: 'youtube';
  /** YouTube's publishedAt. */
  at: string;
  /** true: a moderator's click (chat:import); false: the import rule. */
  manual: boolean;
}

export interface StoredBridge {
  /** null before the first committed page of this event. */
  cursor: BridgeCursor | null;
  /** Messages recorded for this event, and how many of them have a question. */
  read: number;
  imported: number;
}

export interface ChatStoreTx {
  /** Which of these ids are recorded for this event already. */
  seen(ids: readonly string[]): Promise<Set<string>>;
  /** Q&A: insert a pending question marked source 'youtube' with the author's display name; its id. */
  importQuestion(request: ImportRequest): Promise<string>;
  /** Insert the feed row (a new id; `seen` said so). */
  recordMessage(row: FeedRow): Promise<void>;
  getMessage(id: string): Promise<FeedRow | null>;
  /** Link a row to the question a moderator made of it. */
  setQuestion(messageId: string, questionId: string): Promise<void>;
  /** Mark the row deleted; the row after the change, or null when the id is unknown (nothing to do). */
  markDeleted(messageId: string): Promise<FeedRow | null>;
  /** Q&A: withdraw the question imported from a deleted message (pending or live → withdrawn; others stay). */
  withdrawQuestion(questionId: string, messageId: string): Promise<void>;
  /** Mark every row of that author banned; the rows changed. Questions stay (moderators decide). */
  markBanned(ban: Ban): Promise<FeedRow[]>;
  /** Upsert this event's cursor (page token, chat id, end). */
  saveCursor(cursor: BridgeCursor): Promise<void>;
  counts(): Promise<{ read: number; imported: number }>;
}

/** One event's view of the store. */
export interface ChatStore {
  load(): Promise<StoredBridge>;
  /** Runs `work` in one database transaction; a throw rolls everything back and is rethrown. */
  transaction<T>(work: (tx: ChatStoreTx) => Promise<T>): Promise<T>;
}
