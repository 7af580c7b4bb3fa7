/** Helpers of the polls integration tests: poll definitions, the polls part of raw frames. */
import type { PollDraftInput } from '../../shared/polls/schemas.js';
import type { Delta } from '../../shared/socket.js';
import { connect, createEvent, joinAttendee, type Client, type TestServer } from './helpers.js';

export const opts = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `o${i + 1}`, text: `Option ${i + 1}` }));

export const defs = {
  single: { type: 'single', question: 'Welche?', options: opts(3) },
  multiple: { type: 'multiple', question: 'Welche (bis 2)?', options: opts(4), maxSelections: 2 },
  rating: { type: 'rating', question: 'Wie gut?', scale: 5, lowLabel: 'schlecht', highLabel: 'super' },
  wordcloud: { type: 'wordcloud', question: 'Ein Wort?', maxWords: 3 },
  open: { type: 'open', question: 'Was noch?', review: true },
  ranking: { type: 'ranking', question: 'Ordne', items: opts(3) },
  quiz: {
    type: 'quiz',
    question: 'Quiz',
    questions: [
      { id: 'q1', text: 'Hauptstadt?', kind: 'single', options: [{ id: 'a', text: 'Berlin' }, { id: 'b', text: 'Bonn' }], correct: ['a'], timeLimitSec: 5 },
      { id: 'q2', text: 'Primzahlen?', kind: 'multiple', options: [{ id: 'a', text: '2' }, { id: 'b', text: '4' }, { id: 'c', text: '5' }], correct: ['a', 'c'], timeLimitSec: 5 },
    ],
  },
} as const satisfies Record<string, PollDraftInput['definition']>;

/** Every polls change a client received, in order. */
export function pollChanges(c: Client) {
  return c.deltas.flatMap((d: Delta) => d.changes).filter((ch) => ch.type.startsWith('polls:'));
}

/** Raw frames: everything a socket got, as text (to assert that hidden results never arrive). */
export function recordFrames(c: Client): string[] {
  const frames: string[] = [];
  c.socket.onAny((event, ...args) => frames.push(`${String(event)} ${JSON.stringify(args)}`));
  return frames;
}

/** An event with a moderator, the stage and `attendees` named attendees, each connected. */
export async function pollsEvent(ctx: { readonly t: TestServer; readonly cookie: string }, attendees = 2) {
  const ev = await createEvent(ctx.t, ctx.cookie);
  const mod = await connect(ctx.t, { code: ev.code, token: ev.tokens.moderator });
  const stage = await connect(ctx.t, { code: ev.code, token: ev.tokens.stage });
  const people: Client[] = [];
  const ids: string[] = [];
  for (let i = 0; i < attendees; i++) {
    const a = await joinAttendee(ctx.t, ev.code, `Person ${i + 1}`);
    ids.push(a.attendeeId);
    people.push(await connect(ctx.t, { code: ev.code, token: a.token }));
  }
  return { ev, mod, stage, people, ids };
}
