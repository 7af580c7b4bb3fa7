/** Builders shared by the core's unit tests. */
import { QaSettings } from '../../../shared/qa/schemas.js';
import type { QuestionRecord } from './types.js';

export const T0 = new Date('2026-03-01T10:00:00.000Z');
export const T1 = new Date('2026-03-01T10:05:00.000Z');

export function settings(over: Partial<QaSettings> = {}): QaSettings {
  return { ...QaSettings.parse({}), ...over };
}

export function question(over: Partial<QuestionRecord> = {}): QuestionRecord {
  return {
    id: 'q1',
    eventId: 'e1',
    authorId: 'a1',
    authorName: 'Ada',
    anonymous: false,
    text: 'Wie skaliert das?',
    state: 'live',
    votes: 0,
    labels: [],
    reply: null,
    starred: false,
    flaggedWords: [],
    queuePos: null,
    highlighted: false,
    createdAt: T0.toISOString(),
    updatedAt: T0.toISOString(),
    answeredAt: null,
    source: 'plenum',
    sourceLabel: null,
    mergedInto: null,
    voteAlert: null,
    voteAlertCleared: null,
    ...over,
  };
}
