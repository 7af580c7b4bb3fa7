/** The chat slice: the bridge's status and the side feed (staff only; empty for everyone else). Pure. */
import { CHAT_FEED_LIMIT } from '../../shared/chat/limits.js';
import type { BridgeStatus, ChatFeedMessage } from '../../shared/chat/schemas.js';
import type { FeatureSlice } from '../kernel/feature.js';

export interface ChatData {
  status: BridgeStatus | null;
  /** Oldest first, at most CHAT_FEED_LIMIT. */
  feed: ChatFeedMessage[];
}

/** Upsert by id in order; new ones at the end; keeps the newest CHAT_FEED_LIMIT. */
export function upsertFeed(feed: readonly ChatFeedMessage[], messages: readonly ChatFeedMessage[]): ChatFeedMessage[] {
  const index = new Map(feed.map((m, i) => [m.id, i]));
  const next = [...feed];
  for (const m of messages) {
    const at = index.get(m.id);
    if (at === undefined) {
      index.set(m.id, next.length);
      next.push(m);
    } else next[at] = m;
  }
  return next.length > CHAT_FEED_LIMIT ? next.slice(next.length - CHAT_FEED_LIMIT) : next;
}

export const chatSlice: FeatureSlice<ChatData, 'chat'> = {
  name: 'chat',
  empty: { status: null, feed: [] },
  fromSnapshot: (part) => ({ status: part?.status ?? null, feed: part?.feed ?? [] }),
  apply(state, change) {
    if (change.type === 'chat:status') return { ...state, status: change.status };
    if (change.type === 'chat:feed') return { ...state, feed: upsertFeed(state.feed, change.messages) };
    return state;
  },
  onAck: {
    'chat:retry': (state, result) => ({ ...state, status: result.status }),
  },
};
