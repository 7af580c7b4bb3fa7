/**
 * Questions that come from outside Plenum's own form: the YouTube live chat bridge and the REST import.
 * Pure. They always wait for review (whatever pre-moderation says: nobody in Plenum vouched for the
 * text), carry their source and the author's display name, and have no attendee author.
 */
import { DomainError } from '../../../shared/errors.js';
import type { QuestionSource } from '../../../shared/qa/schemas.js';
import { erase } from './rules.js';
import type { QuestionRecord } from './types.js';

export interface ImportInput {
  id: string;
  eventId: string;
  source: Exclude<QuestionSource, 'plenum'>;
  /** The source's own id of the author (a YouTube channel id) or null; kept apart from attendee ids. */
  externalAuthorId: string | null;
  authorName: string | null;
  label: string | null;
  text: string;
  /** Blocked words found in the text (screen() of rules.ts), shown as why it needs care. */
  flaggedWords: string[];
  now: Date;
}

/**
 * The author id of an imported question: prefixed with its source so it can never equal an attendee id
 * (those are random ids), which keeps "own questions" and personal changes for attendees only.
 */
export function externalAuthorId(source: ImportInput['source'], id: string | null): string {
  return `${source}:${id ?? ''}`;
}

export function isExternalAuthor(authorId: string): boolean {
  return authorId.startsWith('youtube:') || authorId.startsWith('api:');
}

export function importQuestion(input: ImportInput): QuestionRecord {
  const text = input.text.trim();
  if (!text) throw new DomainError('invalid_payload', 'the question has no text', { fields: ['text'] });
  const at = input.now.toISOString();
  return {
    id: input.id,
    eventId: input.eventId,
    authorId: externalAuthorId(input.source, input.externalAuthorId),
    authorName: input.authorName?.trim() || null,
    anonymous: false,
    text,
    state: 'pending',
    votes: 0,
    labels: [],
    reply: null,
    starred: false,
    flaggedWords: input.flaggedWords,
    queuePos: null,
    highlighted: false,
    createdAt: at,
    updatedAt: at,
    answeredAt: null,
    source: input.source,
    sourceLabel: input.label?.trim() || null,
    mergedInto: null,
    voteAlert: null,
    voteAlertCleared: null,
  };
}

/**
 * Deleted in the chat it came from: pending or live → withdrawn, erased like an attendee's own withdrawal
 * (text, author name and channel id gone, off the stage); other states stay (a moderator dealt with it).
 */
export function withdrawImported(q: QuestionRecord, now: Date): QuestionRecord {
  if (q.state !== 'pending' && q.state !== 'live') return q;
  return erase(q, now);
}
