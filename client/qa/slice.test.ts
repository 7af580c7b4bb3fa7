import { describe, expect, it } from 'vitest';
import { question, snapshot } from '../testing/fixtures.js';
import {
  applyDelta, applyMyName, applyMyVote, applyOwn, applySnapshot, initialSyncState, snapshotRequested, type SyncedState,
} from '../testing/sync.js';

function ready(seq = 5): SyncedState {
  return applySnapshot(initialSyncState(), snapshot({ seq, qa: { questions: [question('a', { votes: 2 })], myVotes: ['a'] } }));
}

describe('applySnapshot', () => {
  it('replaces all data and becomes ready at the snapshot seq', () => {
    const s = ready(5);
    expect(s.phase).toBe('ready');
    expect(s.seq).toBe(5);
    expect(Object.keys(s.qa.questions)).toEqual(['a']);
    expect(s.qa.myVotes).toEqual({ a: true });
    expect(s.event?.code).toBe('123456');

    const again = applySnapshot(s, snapshot({ seq: 9, qa: { questions: [question('b')] } }));
    expect(Object.keys(again.qa.questions)).toEqual(['b']);
    expect(again.qa.myVotes).toEqual({});
    expect(again.seq).toBe(9);
  });

  it('buffers deltas that arrive before the snapshot and replays only the newer ones', () => {
    let s = initialSyncState();
    s = applyDelta(s, { seq: 4, changes: [{ type: 'question:upsert', question: question('old') }] });
    s = applyDelta(s, { seq: 7, changes: [{ type: 'question:upsert', question: question('c') }] });
    s = applyDelta(s, { seq: 6, changes: [{ type: 'question:upsert', question: question('b') }] });
    expect(s.phase).toBe('awaiting');
    expect(s.qa.questions).toEqual({});

    s = applySnapshot(s, snapshot({ seq: 5, qa: { questions: [question('a')] } }));
    expect(s.phase).toBe('ready');
    expect(s.seq).toBe(7);
    expect(Object.keys(s.qa.questions).sort()).toEqual(['a', 'b', 'c']);
    expect(s.buffer).toEqual([]);
  });

  it('detects a gap between the snapshot and the buffered deltas', () => {
    let s = initialSyncState();
    s = applyDelta(s, { seq: 8, changes: [] });
    s = applySnapshot(s, snapshot({ seq: 5 }));
    expect(s.phase).toBe('gap');
    expect(s.seq).toBe(5);
  });
});

describe('applyDelta', () => {
  it('applies in-order deltas and advances seq', () => {
    let s = ready(5);
    s = applyDelta(s, { seq: 6, changes: [{ type: 'question:upsert', question: question('b', { text: 'Hello' }) }] });
    s = applyDelta(s, { seq: 7, changes: [{ type: 'qa:highlight', id: 'b' }, { type: 'qa:queue', ids: ['a', 'b'] }] });
    s = applyDelta(s, { seq: 8, changes: [{ type: 'qa:pendingCount', count: 3 }] });
    expect(s.seq).toBe(8);
    expect(s.qa.questions.b?.text).toBe('Hello');
    expect(s.qa.highlightedId).toBe('b');
    expect(s.qa.queue).toEqual(['a', 'b']);
    expect(s.qa.pendingCount).toBe(3);
  });

  it('drops stale deltas (seq at or below the current one)', () => {
    const s = ready(5);
    const stale = applyDelta(s, { seq: 5, changes: [{ type: 'question:remove', id: 'a' }] });
    expect(stale).toBe(s);
    const older = applyDelta(s, { seq: 2, changes: [{ type: 'question:remove', id: 'a' }] });
    expect(older.qa.questions.a).toBeDefined();
  });

  it('marks a gap, keeps showing the data, and converges after the next snapshot', () => {
    let s = ready(5);
    s = applyDelta(s, { seq: 7, changes: [{ type: 'question:upsert', question: question('c') }] });
    expect(s.phase).toBe('gap');
    expect(s.seq).toBe(5);
    expect(s.qa.questions.c).toBeUndefined();
    expect(s.qa.questions.a).toBeDefined();

    s = snapshotRequested(s);
    expect(s.phase).toBe('awaiting');
    s = applyDelta(s, { seq: 8, changes: [{ type: 'question:upsert', question: question('d') }] });
    s = applySnapshot(s, snapshot({ seq: 7, qa: { questions: [question('a'), question('b'), question('c')] } }));
    expect(s.phase).toBe('ready');
    expect(s.seq).toBe(8);
    expect(Object.keys(s.qa.questions).sort()).toEqual(['a', 'b', 'c', 'd']);
  });

  it('updates vote counts in the list and in own questions', () => {
    let s = applySnapshot(
      initialSyncState(),
      snapshot({ seq: 1, qa: { questions: [question('a', { votes: 1 }), question('b', { votes: 4 })], own: [question('a', { votes: 1 })] } }),
    );
    s = applyDelta(s, { seq: 2, changes: [{ type: 'question:votes', counts: { a: 3, zz: 9 } }] });
    expect(s.qa.questions.a?.votes).toBe(3);
    expect(s.qa.questions.b?.votes).toBe(4);
    expect(s.qa.own.a?.votes).toBe(3);
    expect(s.qa.questions.zz).toBeUndefined();
  });

  it('removes questions and updates the event', () => {
    let s = ready(1);
    s = applyDelta(s, {
      seq: 2,
      changes: [
        { type: 'question:remove', id: 'a' },
        { type: 'event:update', event: { ...s.event!, title: 'Renamed' } },
      ],
    });
    expect(s.qa.questions.a).toBeUndefined();
    expect(s.event?.title).toBe('Renamed');
  });

  it('ignores a delta delivered twice while buffering', () => {
    let s = initialSyncState();
    s = applyDelta(s, { seq: 3, changes: [] });
    s = applyDelta(s, { seq: 3, changes: [] });
    expect(s.buffer).toHaveLength(1);
  });
});

describe('personal events', () => {
  it('upserts own questions in any state, never going back to an older version', () => {
    let s = ready(1);
    s = applyOwn(s, question('mine', { state: 'pending', updatedAt: '2025-01-01T10:00:01.000Z' }));
    expect(s.qa.own.mine?.state).toBe('pending');
    s = applyOwn(s, question('mine', { state: 'rejected', updatedAt: '2025-01-01T10:00:05.000Z' }));
    s = applyOwn(s, question('mine', { state: 'pending', updatedAt: '2025-01-01T10:00:01.000Z' }));
    expect(s.qa.own.mine?.state).toBe('rejected');
    // own questions live outside seq
    expect(s.seq).toBe(1);
  });

  it('drops a deleted own question, but keeps one that just became non-public', () => {
    let s = applySnapshot(
      initialSyncState(),
      snapshot({
        seq: 1,
        qa: { questions: [question('pub', { state: 'live' })], own: [question('pub', { state: 'live' }), question('wait', { state: 'pending' })] },
      }),
    );
    // a pending question was deleted by a moderator: the public gets a remove for a question it never saw
    s = applyDelta(s, { seq: 2, changes: [{ type: 'question:remove', id: 'wait' }] });
    expect(s.qa.own.wait).toBeUndefined();
    // live → rejected; the personal push overtook the buffered delta
    s = applyOwn(s, question('pub', { state: 'rejected', updatedAt: '2025-01-01T11:00:00.000Z' }));
    s = applyDelta(s, { seq: 3, changes: [{ type: 'question:remove', id: 'pub' }] });
    expect(s.qa.questions.pub).toBeUndefined();
    expect(s.qa.own.pub?.state).toBe('rejected');
  });

  it('drops a deleted own live question from both lists', () => {
    let s = applySnapshot(
      initialSyncState(),
      snapshot({ seq: 1, qa: { questions: [question('mine')], own: [question('mine')] } }),
    );
    s = applyDelta(s, { seq: 2, changes: [{ type: 'question:remove', id: 'mine' }] });
    expect(s.qa.questions.mine).toBeUndefined();
    expect(s.qa.own.mine).toBeUndefined();
  });

  it('toggles my votes idempotently', () => {
    let s = ready(1);
    s = applyMyVote(s, { id: 'a', voted: false });
    expect(s.qa.myVotes).toEqual({});
    const unchanged = applyMyVote(s, { id: 'a', voted: false });
    expect(unchanged).toBe(s);
    s = applyMyVote(s, { id: 'b', voted: true });
    expect(s.qa.myVotes).toEqual({ b: true });
  });

  it('stores my new display name', () => {
    const s = applyMyName(ready(1), 'Ada');
    expect(s.people.myName).toBe('Ada');
  });
});
