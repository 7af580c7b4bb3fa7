/**
 * The chat side feed: the wire view of a stored row, and the moderator's one-click import (chat:import).
 */
import type { ChatFeedMessage } from '../../shared/chat/schemas.js';
import { DomainError } from '../../shared/errors.js';
import { hasSubstance, normalizeText } from './core/selection.js';
import type { ChatStore, FeedRow } from './store.js';

export function toFeedMessage(row: FeedRow): ChatFeedMessage {
  return {
    id: row.id,
    source: 'youtube',
    kind: row.kind,
    author: row.authorName,
    authorChannelId: row.authorChannelId,
    text: row.text,
    amount: row.amount,
    at: row.publishedAt,
    questionId: row.questionId,
    matched: row.matched,
    deleted: row.deleted,
    banned: row.banned,
  };
}

/**
 * chat:import — turns a feed message into a question in the review queue, once: a second click returns
 * the same question (`already: true`). `text` replaces the message text (a moderator's correction).
 * Errors: not_found (no such message in this event), invalid_state (deleted in YouTube),
 * invalid_payload (nothing to ask: an empty Super Chat or emoji only, and no text given).
 */
export async function importFromFeed(store: ChatStore, messageId: string, text?: string): Promise<{ questionId: string; already: boolean }> {
  return store.transaction(async (tx) => {
    const row = await tx.getMessage(messageId);
    if (!row) throw new DomainError('not_found', 'no such chat message in this event');
    if (row.questionId) return { questionId: row.questionId, already: true };
    if (row.deleted) throw new DomainError('invalid_state', 'the chat message was deleted in YouTube');
    const questionText = normalizeText(text ?? '') || row.questionText || normalizeText(row.text);
    if (!hasSubstance(questionText)) throw new DomainError('invalid_payload', 'the chat message has no text to ask', { fields: ['text'] });
    const questionId = await tx.importQuestion({
      messageId,
      text: questionText,
      authorName: row.authorName,
      authorChannelId: row.authorChannelId,
      source: 'youtube',
      at: row.publishedAt,
      manual: true,
    });
    await tx.setQuestion(messageId, questionId);
    return { questionId, already: false };
  });
}
