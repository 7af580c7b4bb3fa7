/** The reducer knows no feature: it folds whatever slices it is given (here two toy ones). */
import { describe, expect, it } from 'vitest';
import type { Change, PersonalChange } from '../../shared/socket.js';
import { snapshot } from '../testing/fixtures.js';
import { stateless, type AnyFeature } from './feature.js';
import { createSyncReducer } from './reducer.js';

/** Counts the question upserts it sees and keeps the latest own question id. */
const counter: AnyFeature = {
  name: 'qa',
  empty: { upserts: 0, own: null as string | null, fromSnapshot: false },
  fromSnapshot: (part) => ({ upserts: (part as unknown as { pendingCount: number }).pendingCount, own: null, fromSnapshot: true }),
  apply: (s, change: Change) => (change.type === 'question:upsert' ? { ...s, upserts: s.upserts + 1 } : s),
  personal: (s, change: PersonalChange) => (change.type === 'qa:own' ? { ...s, own: change.question.id } : s),
  onAck: { 'qa:withdraw': (s: { own: string | null }, _result: unknown, payload: { id: string }) => (s.own === payload.id ? { ...s, own: null } : s) },
  i18n: { de: async () => ({ default: {} }), en: async () => ({ default: {} }) },
};
/** Ignores everything: its state must stay the very same object. */
const inert: AnyFeature = {
  name: 'breakouts',
  empty: { untouched: true },
  fromSnapshot: () => ({ untouched: true }),
  apply: (s) => s,
  i18n: { de: async () => ({ default: {} }), en: async () => ({ default: {} }) },
};

const r = createSyncReducer([counter, inert]);
const question = (id: string) => ({
  id, text: id, authorName: null, state: 'live' as const, votes: 0, labels: [], reply: null, createdAt: '', updatedAt: '', answeredAt: null, source: 'plenum' as const, sourceLabel: null, mergedInto: null,
});
const upsert = (id: string): Change => ({ type: 'question:upsert', question: question(id) });

describe('the feature-agnostic reducer', () => {
  it('starts every registered slice empty and fills it from its part of the snapshot', () => {
    const s0 = r.initial() as unknown as Record<string, unknown>;
    expect(s0.qa).toEqual({ upserts: 0, own: null, fromSnapshot: false });
    expect(s0.breakouts).toEqual({ untouched: true });
    const s1 = r.snapshot(r.initial(), snapshot({ seq: 3, qa: { pendingCount: 7 } })) as unknown as Record<string, unknown>;
    expect(s1.qa).toEqual({ upserts: 7, own: null, fromSnapshot: true });
    expect(s1.seq).toBe(3);
    expect(s1.me).toEqual({ role: 'attendee', id: 'me' });
  });

  it('hands every change to every slice and keeps slices that did not change', () => {
    const ready = r.snapshot(r.initial(), snapshot({ seq: 1 }));
    const next = r.delta(ready, { seq: 2, changes: [upsert('a'), upsert('b'), { type: 'qa:highlight', id: 'a' }] });
    const slices = next as unknown as Record<string, { upserts?: number }>;
    expect(slices.qa?.upserts).toBe(2);
    expect((next as unknown as Record<string, unknown>).breakouts).toBe((ready as unknown as Record<string, unknown>).breakouts);
    expect(next.seq).toBe(2);
  });

  it('routes personal changes and acks to the slices that take them, and returns the same state otherwise', () => {
    const ready = r.snapshot(r.initial(), snapshot({ seq: 1 }));
    const mine = r.personal(ready, [{ type: 'qa:own', question: question('q') }]);
    expect((mine as unknown as Record<string, { own: string }>).qa?.own).toBe('q');
    expect(r.personal(mine, [{ type: 'qa:myVote', id: 'q', voted: true }])).toBe(mine);
    const back = r.ack(mine, 'qa:withdraw', { id: 'q' }, {});
    expect((back as unknown as Record<string, { own: string | null }>).qa?.own).toBeNull();
    expect(r.ack(back, 'qa:vote', { id: 'q', up: true }, { id: 'q', voted: true })).toBe(back);
  });

  it('carries a feature without state (catalogues or panels only) along untouched', () => {
    const withChat = createSyncReducer([counter, stateless('chat', { i18n: { de: async () => ({ default: { chat: { title: 'Chat' } } }), en: async () => ({ default: { chat: { title: 'Chat' } } }) } })]);
    const ready = withChat.snapshot(withChat.initial(), snapshot({ seq: 1 }));
    const next = withChat.delta(ready, { seq: 2, changes: [upsert('a')] });
    expect((next as unknown as Record<string, unknown>).chat).toBeNull();
    expect(next.seq).toBe(2);
  });
});
