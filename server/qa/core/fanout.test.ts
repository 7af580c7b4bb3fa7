import { describe, expect, it } from 'vitest';
import { buildFanout, pendingAfter } from './fanout.js';
import { erase } from './rules.js';
import { T1, question } from './test-fixtures.js';

describe('delta builder', () => {
  it('a new pending question: moderators get it, the public only the pending count, the author qa:own', () => {
    const after = question({ state: 'pending' });
    const out = buildFanout({ questions: [{ before: null, after }], pendingCount: { before: 2, after: 3 } });
    expect(out.staff).toEqual([
      { type: 'question:upsert', question: expect.objectContaining({ id: 'q1', state: 'pending', authorId: 'a1', flaggedWords: [] }) },
      { type: 'qa:pendingCount', count: 3 },
    ]);
    expect(out.pub).toEqual([{ type: 'qa:pendingCount', count: 3 }]);
    expect(out.personal).toEqual([{ attendeeId: 'a1', change: { type: 'qa:own', question: expect.objectContaining({ id: 'q1', state: 'pending' }) } }]);
  });

  it('approval shows the question publicly without moderator-only fields', () => {
    const before = question({ state: 'pending' });
    const after = question({ state: 'live', starred: true });
    const out = buildFanout({ questions: [{ before, after }], pendingCount: { before: 1, after: 0 } });
    const upsert = out.pub.find((c) => c.type === 'question:upsert');
    expect(upsert).toBeDefined();
    expect(Object.keys((upsert as { question: object }).question).sort()).toEqual(
      ['answeredAt', 'authorName', 'createdAt', 'id', 'labels', 'mergedInto', 'reply', 'source', 'sourceLabel', 'state', 'text', 'updatedAt', 'votes'],
    );
  });

  it('hides the name of anonymous askers from everyone', () => {
    const after = question({ anonymous: true, authorName: 'Ada' });
    const out = buildFanout({ questions: [{ before: null, after }] });
    for (const c of [...out.staff, ...out.pub]) if (c.type === 'question:upsert') expect(c.question.authorName).toBeNull();
  });

  it('rejecting a live question removes it publicly; withdrawing removes it for moderators too', () => {
    const live = question();
    const rejected = buildFanout({ questions: [{ before: live, after: question({ state: 'rejected' }) }] });
    expect(rejected.pub).toEqual([{ type: 'question:remove', id: 'q1' }]);
    expect(rejected.staff[0]).toMatchObject({ type: 'question:upsert' });
    const withdrawn = buildFanout({ questions: [{ before: live, after: question({ state: 'withdrawn' }) }] });
    expect(withdrawn.staff).toEqual([{ type: 'question:remove', id: 'q1' }]);
    expect(withdrawn.pub).toEqual([{ type: 'question:remove', id: 'q1' }]);
  });

  it('starring changes nothing the public sees, but both audiences still get a (maybe empty) delta', () => {
    const out = buildFanout({ questions: [{ before: question({ state: 'pending' }), after: question({ state: 'pending', starred: true }) }] });
    expect(out.staff).toHaveLength(1);
    expect(out.pub).toEqual([]);
    expect(out.personal).toEqual([]);
  });

  it('deleting a question the public never saw still tells the public (so the author drops it)', () => {
    const out = buildFanout({ questions: [{ before: question({ state: 'pending' }), after: null }] });
    expect(out.pub).toEqual([{ type: 'question:remove', id: 'q1' }]);
    expect(out.staff).toEqual([{ type: 'question:remove', id: 'q1' }]);
  });

  it('board changes reach both audiences, only when they changed', () => {
    const out = buildFanout({
      board: { before: { highlightedId: 'a', queue: ['a', 'b'] }, after: { highlightedId: null, queue: ['b'] } },
    });
    expect(out.staff).toEqual([{ type: 'qa:highlight', id: null }, { type: 'qa:queue', ids: ['b'] }]);
    expect(out.pub).toEqual(out.staff);
    const same = buildFanout({ board: { before: { highlightedId: 'a', queue: ['b'] }, after: { highlightedId: 'a', queue: ['b'] } } });
    expect(same.staff).toEqual([]);
  });

  it('counts pending questions across changes', () => {
    expect(pendingAfter(3, [
      { before: question({ state: 'pending' }), after: question({ state: 'live' }) },
      { before: null, after: question({ state: 'pending' }) },
      { before: question({ state: 'pending' }), after: null },
    ])).toBe(2);
  });
  it('an erased question: removed for staff and the public, its author (from before) gets the empty tombstone, voters lose their vote', () => {
    const before = question({ authorId: 'a1', text: 'Geheim' });
    const after = erase(before, T1);
    const out = buildFanout({ questions: [{ before, after }], unvoted: [{ questionId: 'q1', attendeeIds: ['v1', 'v2'] }] });
    expect(out.staff).toEqual([{ type: 'question:remove', id: 'q1' }]);
    expect(out.pub).toEqual([{ type: 'question:remove', id: 'q1' }]);
    expect(out.personal).toEqual([
      { attendeeId: 'a1', change: { type: 'qa:own', question: expect.objectContaining({ id: 'q1', state: 'withdrawn', text: '', authorName: null }) } },
      { attendeeId: 'v1', change: { type: 'qa:myVote', id: 'q1', voted: false } },
      { attendeeId: 'v2', change: { type: 'qa:myVote', id: 'q1', voted: false } },
    ]);
    expect(JSON.stringify(out)).not.toContain('Geheim');
  });

  it('an erased imported question has nobody to tell', () => {
    const before = question({ authorId: 'youtube:UC1', source: 'youtube', state: 'pending' });
    expect(buildFanout({ questions: [{ before, after: erase(before, T1) }] }).personal).toEqual([]);
  });
});
