/** Builders for wire objects in tests; every value is explicit so a test reads like the data it uses. */
import { EventSettings, type EventInfo } from '../../shared/events/schemas.js';
import type { ModQuestion, Question } from '../../shared/qa/schemas.js';
import { Me, type Snapshot } from '../../shared/sync/schemas.js';
import { PROTOCOL_VERSION } from '../../shared/version.js';

export function question(id: string, over: Partial<Question> = {}): Question {
  return {
    id,
    text: `Question ${id}`,
    authorName: null,
    state: 'live',
    votes: 0,
    labels: [],
    reply: null,
    createdAt: '2025-01-01T10:00:00.000Z',
    updatedAt: '2025-01-01T10:00:00.000Z',
    answeredAt: null,
    ...over,
  };
}

export function modQuestion(id: string, over: Partial<ModQuestion> = {}): ModQuestion {
  return { ...question(id), authorId: `att-${id}`, anonymous: false, starred: false, flaggedWords: [], ...over };
}

export function eventInfo(over: Partial<EventInfo> = {}): EventInfo {
  return {
    id: 'ev1',
    code: '123456',
    title: 'Town Hall',
    format: 'talk',
    language: 'de',
    startsAt: null,
    settings: EventSettings.parse({}),
    ...over,
  };
}

export function snapshot(over: { seq?: number; me?: Partial<Me>; event?: Partial<EventInfo>; qa?: Partial<Snapshot['qa']> } = {}): Snapshot {
  const snap = {
    protocol: PROTOCOL_VERSION,
    seq: over.seq ?? 0,
    me: Me.parse({ role: 'attendee', id: 'me', name: null, ...over.me }),
    event: eventInfo(over.event),
    qa: { questions: [], highlightedId: null, queue: [], pendingCount: 0, myVotes: [], own: [], ...over.qa },
  };
  // Other features add their own parts to the snapshot; the Q&A client ignores them, so they are left out.
  return snap as unknown as Snapshot;
}
