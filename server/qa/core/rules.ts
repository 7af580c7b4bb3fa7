/**
 * The question state machine and the rules of who may change what. Pure: every function takes the
 * current record and `now` and returns a new record, or throws DomainError. Nothing here touches IO.
 *
 *   ask ──► pending ──approve──► live ──answer──► answered
 *            │  ▲                 │ ▲               │
 *         reject│ restore*     reject│ restore ◄─────┘
 *            ▼  │                 ▼
 *           rejected ──approve──► live
 *   any state but withdrawn ──withdraw (author)──► withdrawn: a tombstone (erase below)
 *   * restore of a rejected question: back to pending when pre-moderation is on or a blocked word
 *     matches, otherwise live.
 */
import { DomainError } from '../../../shared/errors.js';
import type { QaSettings } from '../../../shared/qa/schemas.js';
import type { QuestionState } from '../../../shared/qa/schemas.js';
import { findBlockedWords } from './blocked-words.js';
import type { QuestionRecord } from './types.js';

function iso(now: Date): string {
  return now.toISOString();
}

function requireState(q: QuestionRecord, allowed: readonly QuestionState[], action: string): void {
  if (!allowed.includes(q.state)) {
    throw new DomainError('invalid_state', `cannot ${action} a question that is ${q.state}`);
  }
}

/** Leaving "live" takes a question off the stage and out of the speakers' queue. */
function offBoard(q: QuestionRecord): QuestionRecord {
  return { ...q, highlighted: false, queuePos: null };
}

function checkLength(text: string, settings: QaSettings): void {
  if (text.length > settings.maxQuestionLength) {
    throw new DomainError('too_long', `a question may have at most ${settings.maxQuestionLength} characters`);
  }
}

/** Whether a new or edited attendee text must wait for review, and why. */
export function screen(text: string, settings: QaSettings): { review: boolean; flaggedWords: string[] } {
  const flaggedWords = findBlockedWords(text, settings.blockedWords);
  return { review: settings.premoderation || flaggedWords.length > 0, flaggedWords };
}

export interface AskInput {
  id: string;
  eventId: string;
  author: { id: string; name: string | null };
  text: string;
  anonymous: boolean;
  settings: QaSettings;
  now: Date;
}

export function ask(input: AskInput): QuestionRecord {
  const { settings } = input;
  if (!settings.open) throw new DomainError('closed', 'this event is not accepting questions right now');
  if (input.anonymous && !settings.anonymousAllowed) {
    throw new DomainError('forbidden', 'anonymous questions are not allowed in this event; ask with your name');
  }
  const text = input.text.trim();
  checkLength(text, settings);
  const { review, flaggedWords } = screen(text, settings);
  const at = iso(input.now);
  return {
    id: input.id,
    eventId: input.eventId,
    authorId: input.author.id,
    authorName: input.anonymous ? null : input.author.name?.trim() || null,
    anonymous: input.anonymous,
    text,
    state: review ? 'pending' : 'live',
    votes: 0,
    labels: [],
    reply: null,
    starred: false,
    flaggedWords,
    queuePos: null,
    highlighted: false,
    createdAt: at,
    updatedAt: at,
    answeredAt: null,
    source: 'plenum',
    sourceLabel: null,
    mergedInto: null,
    voteAlert: null,
    voteAlertCleared: null,
  };
}

/** Approve (optionally with a moderator's corrected text): pending or rejected → live. */
export function approve(q: QuestionRecord, opts: { text?: string; settings: QaSettings; now: Date }): QuestionRecord {
  requireState(q, ['pending', 'rejected'], 'approve');
  const text = opts.text?.trim() ?? q.text;
  const flaggedWords = text === q.text ? q.flaggedWords : findBlockedWords(text, opts.settings.blockedWords);
  return { ...q, text, flaggedWords, state: 'live', updatedAt: iso(opts.now) };
}

export function reject(q: QuestionRecord, now: Date): QuestionRecord {
  requireState(q, ['pending', 'live'], 'reject');
  return offBoard({ ...q, state: 'rejected', updatedAt: iso(now) });
}

export function answer(q: QuestionRecord, now: Date): QuestionRecord {
  requireState(q, ['live'], 'mark as answered');
  return offBoard({ ...q, state: 'answered', answeredAt: iso(now), updatedAt: iso(now) });
}

/** answered → live; rejected → pending (pre-moderation on or blocked word) or live. */
export function restore(q: QuestionRecord, settings: QaSettings, now: Date): QuestionRecord {
  requireState(q, ['answered', 'rejected'], 'restore');
  if (q.state === 'answered') return { ...q, state: 'live', answeredAt: null, updatedAt: iso(now) };
  const { review, flaggedWords } = screen(q.text, settings);
  return { ...q, state: review ? 'pending' : 'live', flaggedWords, updatedAt: iso(now) };
}

function requireAuthor(q: QuestionRecord, attendeeId: string): void {
  if (q.authorId !== attendeeId) throw new DomainError('forbidden', 'only the author may change this question');
}

/**
 * The author edits while the question is pending or live. A live question whose new text needs review
 * (pre-moderation on, or a blocked word) goes back to pending and off the board.
 */
export function editOwn(
  q: QuestionRecord,
  opts: { attendeeId: string; text: string; settings: QaSettings; now: Date },
): QuestionRecord {
  requireAuthor(q, opts.attendeeId);
  requireState(q, ['pending', 'live'], 'edit');
  const text = opts.text.trim();
  checkLength(text, opts.settings);
  const { review, flaggedWords } = screen(text, opts.settings);
  const edited: QuestionRecord = { ...q, text, flaggedWords, updatedAt: iso(opts.now) };
  if (q.state === 'live' && review) return offBoard({ ...edited, state: 'pending' });
  return edited;
}

/**
 * What stays of a question its author took back (or deleted in the chat it came from): a tombstone with
 * id, event, state `withdrawn`, source and times, so deltas, merges and the stage stay consistent. The
 * text, the author's name and id, labels, the reply, flags and the vote count are gone; the caller
 * deletes the vote rows in the same transaction (persist.ts, eraseQuestion).
 */
export function erase(q: QuestionRecord, now: Date): QuestionRecord {
  return {
    ...q,
    authorId: ERASED_AUTHOR,
    authorName: null,
    anonymous: true,
    text: '',
    state: 'withdrawn',
    votes: 0,
    labels: [],
    reply: null,
    starred: false,
    flaggedWords: [],
    queuePos: null,
    highlighted: false,
    answeredAt: null,
    mergedInto: null,
    updatedAt: iso(now),
  };
}

/** The author id of a tombstone: no attendee, no external author. */
export const ERASED_AUTHOR = '';

export function isErased(q: Pick<QuestionRecord, 'state'>): boolean {
  return q.state === 'withdrawn';
}

/**
 * The author deletes their question in any state (pending, live, answered, rejected, merged): its personal
 * data is erased at once (erase above). A question merged into another keeps nothing of its own; the one it
 * was merged into is someone else's words and stays, with the votes that moved there.
 */
export function withdraw(q: QuestionRecord, opts: { attendeeId: string; now: Date }): QuestionRecord {
  // A tombstone knows no author: for everyone it is a question that no longer exists.
  if (isErased(q)) throw new DomainError('not_found', 'no such question');
  requireAuthor(q, opts.attendeeId);
  return erase(q, opts.now);
}

/** Moderators may correct the text in any state; the state stays (their edit needs no review). */
export function moderatorEdit(q: QuestionRecord, opts: { text: string; settings: QaSettings; now: Date }): QuestionRecord {
  const text = opts.text.trim();
  return { ...q, text, flaggedWords: findBlockedWords(text, opts.settings.blockedWords), updatedAt: iso(opts.now) };
}

export function star(q: QuestionRecord, starred: boolean, now: Date): QuestionRecord {
  return { ...q, starred, updatedAt: iso(now) };
}

/** Labels are trimmed and de-duplicated case-insensitively, first spelling wins. */
export function label(q: QuestionRecord, labels: readonly string[], now: Date): QuestionRecord {
  const seen = new Set<string>();
  const unique: string[] = [];
  for (const raw of labels) {
    const l = raw.trim();
    const key = l.toLocaleLowerCase('de');
    if (l && !seen.has(key)) {
      seen.add(key);
      unique.push(l);
    }
  }
  return { ...q, labels: unique, updatedAt: iso(now) };
}

/** A moderator's text reply; null or blank removes it. */
export function reply(q: QuestionRecord, text: string | null, now: Date): QuestionRecord {
  const trimmed = text?.trim() ?? '';
  return { ...q, reply: trimmed ? trimmed : null, updatedAt: iso(now) };
}

export type BulkAction = 'approve' | 'reject' | 'answer';

/** One step of a bulk action, or null when the question's state does not allow it (it is skipped). */
export function bulkStep(q: QuestionRecord, action: BulkAction, settings: QaSettings, now: Date): QuestionRecord | null {
  try {
    if (action === 'approve') return approve(q, { settings, now });
    if (action === 'reject') return reject(q, now);
    return answer(q, now);
  } catch (err) {
    if (err instanceof DomainError && err.code === 'invalid_state') return null;
    throw err;
  }
}
