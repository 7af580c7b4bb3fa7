/**
 * Exactly-once bookkeeping, as plain data. Pure.
 *
 * The guarantee is built from two facts: (1) a page's effects (feed rows, imported questions,
 * withdrawals, bans) and the page token to continue from are written in ONE transaction, so after a crash
 * either the page is fully there and the bridge continues after it, or it is not there at all and the same
 * page is read again (no gap); (2) every chat message id is recorded once per event, and a message whose id
 * is already recorded is skipped (no duplicate) — that covers the re-read page, YouTube's own overlaps,
 * and a chat that is read from its start again (a new chat id, or a lost token).
 */
import type { Ban, BridgeAction, ChatMessage } from './mapping.js';
import { selectMessage, type SelectionRule } from './selection.js';

/** Where the bridge of one event stands; persisted with every page. */
export interface BridgeCursor {
  videoId: string;
  liveChatId: string;
  /** The token to read the next page with; null = from the start of the chat (its recent history). */
  pageToken: string | null;
  /** When the chat was seen to end (ISO); a restart does not poll an ended chat again. */
  endedAt: string | null;
}

/** One chat message as the feed stores it. */
export interface FeedRecord extends ChatMessage {
  /** The import rule selected it. */
  matched: boolean;
  /** The question text (normalised, prefix removed). */
  questionText: string;
  /** Import it now (matched, not deleted or banned within the same page). */
  importNow: boolean;
  deleted: boolean;
  banned: boolean;
}

export interface PagePlan {
  /** New messages, in chat order. */
  record: FeedRecord[];
  /** Ids of messages of earlier pages that were deleted: mark them, withdraw their questions. */
  deletions: string[];
  bans: Ban[];
  /** Messages skipped because their id was recorded before (or twice in this page). */
  duplicates: number;
  /** The chat ended in this page (chatEndedEvent). */
  ended: boolean;
}

/**
 * Plans one page: which messages are new, which become questions, what is deleted and banned.
 * `seen`: the ids among this page's messages that the store already has.
 */
export function planPage(actions: readonly BridgeAction[], seen: ReadonlySet<string>, rule: SelectionRule): PagePlan {
  const record: FeedRecord[] = [];
  const byId = new Map<string, FeedRecord>();
  const deletions: string[] = [];
  const bans: Ban[] = [];
  let duplicates = 0;
  let ended = false;

  for (const action of actions) {
    switch (action.kind) {
      case 'message': {
        const m = action.message;
        if (seen.has(m.id) || byId.has(m.id)) {
          duplicates++;
          break;
        }
        const sel = selectMessage(m.text, rule);
        const r: FeedRecord = { ...m, matched: sel.matched, questionText: sel.text, importNow: sel.matched, deleted: false, banned: false };
        record.push(r);
        byId.set(m.id, r);
        break;
      }
      case 'delete': {
        const r = byId.get(action.messageId);
        if (r) {
          r.deleted = true;
          r.importNow = false;
        } else if (!deletions.includes(action.messageId)) {
          deletions.push(action.messageId);
        }
        break;
      }
      case 'ban': {
        bans.push(action.ban);
        for (const r of record) {
          if (r.authorChannelId === action.ban.channelId) {
            r.banned = true;
            r.importNow = false;
          }
        }
        break;
      }
      case 'end':
        ended = true;
        break;
    }
  }
  return { record, deletions, bans, duplicates, ended };
}

/** The message ids of a page, to ask the store which it has seen. */
export function messageIds(actions: readonly BridgeAction[]): string[] {
  return actions.flatMap((a) => (a.kind === 'message' ? [a.message.id] : []));
}

/** The cursor after a committed page: continue from nextPageToken (YouTube always sends one while live). */
export function advanceCursor(cursor: BridgeCursor, nextPageToken: string | null, endedAt: string | null): BridgeCursor {
  return { ...cursor, pageToken: nextPageToken ?? cursor.pageToken, endedAt: endedAt ?? cursor.endedAt };
}
