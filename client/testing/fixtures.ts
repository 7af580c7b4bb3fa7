/** Builders for wire objects in tests; every value is explicit so a test reads like the data it uses. */
import type { GroupView, HelpRequest, RoundView } from '../../shared/breakouts/schemas.js';
import type { PersonView } from '../../shared/people/schemas.js';
import { EventSettings, type EventInfo } from '../../shared/events/schemas.js';
import type { ModQuestion, Question } from '../../shared/qa/schemas.js';
import { Me, type Snapshot } from '../../shared/socket.js';
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
    source: 'plenum',
    sourceLabel: null,
    mergedInto: null,
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

export const SERVER_TIME = '2025-01-01T10:00:00.000Z';

export function snapshot(
  over: {
    seq?: number;
    me?: Partial<Me>;
    event?: Partial<EventInfo>;
    qa?: Partial<Snapshot['qa']>;
    breakouts?: Partial<Snapshot['breakouts']>;
    people?: Partial<Snapshot['people']>;
    chat?: Partial<Snapshot['chat']>;
    polls?: Partial<Snapshot['polls']>;
    stage?: Partial<Snapshot['stage']>;
    serverTime?: string;
  } = {},
): Snapshot {
  return {
    protocol: PROTOCOL_VERSION,
    seq: over.seq ?? 0,
    me: Me.parse({ role: 'attendee', id: 'me', name: null, ...over.me }),
    event: eventInfo(over.event),
    qa: { questions: [], highlightedId: null, queue: [], pendingCount: 0, answeredOlder: 0, myVotes: [], own: [], ...over.qa },
    breakouts: { rounds: [], help: [], ...over.breakouts },
    people: { people: [], present: 0, ...over.people },
    chat: { status: null, feed: [], ...over.chat },
    polls: { polls: [], presentedId: null, entries: [], mine: [], myQuizzes: [], present: null, ...over.polls },
    stage: {
      room: { item: null, since: null, autoHideS: null, by: null },
      overlay: { item: null, since: null, autoHideS: null, by: null },
      queue: [],
      ...over.stage,
    },
    serverTime: over.serverTime ?? SERVER_TIME,
  };
}

export function group(index: number, members: ReadonlyArray<string | [string, string | null]>, over: Partial<GroupView> = {}): GroupView {
  return {
    index,
    name: `Gruppe ${index + 1}`,
    topic: '',
    videoUrl: null,
    members: members.map((m) => (typeof m === 'string' ? { id: m, name: m.toUpperCase() } : { id: m[0], name: m[1] })),
    capacity: null,
    result: '',
    resultVersion: 0,
    ...over,
  };
}

export function round(id: string, over: Partial<RoundView> = {}): RoundView {
  return {
    id,
    number: 1,
    status: 'draft',
    mode: 'mix',
    groups: [],
    durationSec: 900,
    startedAt: null,
    endsAt: null,
    closingEndsAt: null,
    closedAt: null,
    messages: [],
    showResults: false,
    ...over,
  };
}

export function person(id: string, over: Partial<PersonView> = {}): PersonView {
  return { id, name: id.toUpperCase(), attributes: {}, online: true, invited: false, ...over };
}

export function helpRequest(id: string, over: Partial<HelpRequest> = {}): HelpRequest {
  return {
    id,
    roundId: 'r1',
    groupIndex: 0,
    groupName: 'Gruppe 1',
    attendeeId: 'a',
    name: 'A',
    at: '2025-01-01T10:05:00.000Z',
    resolvedAt: null,
    ...over,
  };
}

/**
 * A `sync:snapshot` ok ack as the server sends it: the shared part as UTF-8 JSON bytes, the personal part
 * (`seq`, `me`, `serverTime`) as an object (shared/snapshot.ts puts them together).
 */
export function snapshotAck(snap: Snapshot): { ok: true; snapshot: { seq: number; me: Snapshot['me']; serverTime: string }; shared: Uint8Array } {
  const { me, serverTime, ...shared } = snap;
  return { ok: true, snapshot: { seq: snap.seq, me, serverTime }, shared: new TextEncoder().encode(JSON.stringify(shared)) };
}
