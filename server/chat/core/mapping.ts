/**
 * What each chat item means for the bridge. Pure.
 *
 *   textMessageEvent     → message (its messageText; displayMessage as fallback)
 *   superChatEvent       → message of kind superChat (its userComment, possibly empty, and the amount)
 *   messageDeletedEvent  → delete messageDeletedDetails.deletedMessageId (its question is withdrawn)
 *   userBannedEvent      → ban userBannedDetails.bannedUserDetails.channelId (feed marks the author)
 *   chatEndedEvent       → end (the chat is over; the bridge stops after this page)
 *   anything else        → ignored (memberships, stickers, polls, sponsor-only mode, tombstones …)
 */
import type { LiveChatMessage } from './youtube.js';

export interface ChatMessage {
  id: string;
  kind: 'text' | 'superChat';
  authorChannelId: string;
  authorName: string;
  text: string;
  /** Super Chat amount as displayed ("€5.00"), null for text messages. */
  amount: string | null;
  /** YouTube's publishedAt (ISO 8601), or '' when absent. */
  publishedAt: string;
}

export interface Ban {
  channelId: string;
  displayName: string;
  /** 'permanent' or 'temporary' (YouTube's banType). */
  banType: string;
  /** For temporary bans. */
  durationSec: number | null;
}

export type BridgeAction =
  | { kind: 'message'; message: ChatMessage }
  | { kind: 'delete'; messageId: string }
  | { kind: 'ban'; ban: Ban }
  | { kind: 'end' };

function author(item: LiveChatMessage): { authorChannelId: string; authorName: string } {
  const channelId = item.authorDetails?.channelId ?? item.snippet.authorChannelId ?? '';
  return { authorChannelId: channelId, authorName: item.authorDetails?.displayName?.trim() || channelId };
}

export function mapItem(item: LiveChatMessage): BridgeAction | null {
  const s = item.snippet;
  switch (s.type) {
    case 'textMessageEvent':
      return {
        kind: 'message',
        message: {
          id: item.id,
          kind: 'text',
          ...author(item),
          text: s.textMessageDetails?.messageText ?? s.displayMessage ?? '',
          amount: null,
          publishedAt: s.publishedAt ?? '',
        },
      };
    case 'superChatEvent':
      return {
        kind: 'message',
        message: {
          id: item.id,
          kind: 'superChat',
          ...author(item),
          text: s.superChatDetails?.userComment ?? '',
          amount: s.superChatDetails?.amountDisplayString ?? null,
          publishedAt: s.publishedAt ?? '',
        },
      };
    case 'messageDeletedEvent': {
      const id = s.messageDeletedDetails?.deletedMessageId;
      return id ? { kind: 'delete', messageId: id } : null;
    }
    case 'userBannedEvent': {
      const d = s.userBannedDetails;
      if (!d) return null;
      const duration = d.banDurationSeconds === undefined ? null : Number(d.banDurationSeconds);
      return {
        kind: 'ban',
        ban: {
          channelId: d.bannedUserDetails.channelId,
          displayName: d.bannedUserDetails.displayName ?? '',
          banType: d.banType ?? 'permanent',
          durationSec: duration !== null && Number.isFinite(duration) ? duration : null,
        },
      };
    }
    case 'chatEndedEvent':
      return { kind: 'end' };
    default:
      return null;
  }
}

export function mapItems(items: readonly LiveChatMessage[]): BridgeAction[] {
  const out: BridgeAction[] = [];
  for (const item of items) {
    const action = mapItem(item);
    if (action) out.push(action);
  }
  return out;
}
