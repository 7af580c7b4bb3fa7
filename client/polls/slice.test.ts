import { describe, expect, it } from 'vitest';
import type { Change, PersonalChange } from '../../shared/socket.js';
import type { PollChange, PollPersonalChange } from '../../shared/polls/index.js';
import { defs, pollsSnapshot, publicPoll, staffPoll, T0 } from './fixtures.js';
import { attendeePolls, entriesOf, pollList, stagePoll, staffQuizQuestion, wallEntries } from './selectors.js';
import { applyPollsChange, applyPollsPersonal, emptyPolls, pollsAcks, pollsFromSnapshot, pollsSlice, type PollsData } from './slice.js';

const apply = (data: PollsData, ...changes: PollChange[]) => changes.reduce((d, c) => applyPollsChange(d, c as unknown as Change), data);
const personal = (data: PollsData, c: PollPersonalChange) => applyPollsPersonal(data, c as unknown as PersonalChange);

const a = staffPoll('a', defs.single, { position: 0, status: 'open' });
const b = staffPoll('b', defs.wordcloud, { position: 1 });
const c = staffPoll('c', defs.ranking, { position: 2, status: 'closed' });

function staffState(): PollsData {
  return pollsFromSnapshot(pollsSnapshot({ polls: [a, b, c], present: 7 }));
}

describe('polls slice: snapshot', () => {
  it('a missing part (polls not on the server yet) is the empty state', () => {
    expect(pollsFromSnapshot(undefined)).toBe(emptyPolls);
  });

  it('takes polls in list order, entries, own answers and quizzes by poll, present', () => {
    const s = pollsFromSnapshot(pollsSnapshot({
      polls: [a, b], presentedId: 'a', present: 3,
      entries: [{ id: 'e1', pollId: 'b', text: 'x', name: null, state: 'pending', createdAt: T0 }],
      mine: [{ pollId: 'a', answer: { type: 'single', optionId: 'b' }, answeredAt: T0, openState: null }],
      myQuizzes: [{ pollId: 'q', nickname: 'Ada', score: 0, rank: null, answers: [] }],
    }));
    expect(pollList(s).map((p) => p.id)).toEqual(['a', 'b']);
    expect(s.presentedId).toBe('a');
    expect(s.present).toBe(3);
    expect(s.entries.e1?.pollId).toBe('b');
    expect(s.mine.a?.answer).toEqual({ type: 'single', optionId: 'b' });
    expect(s.myQuizzes.q?.nickname).toBe('Ada');
  });

  it('a new snapshot replaces everything (reconnect catch-up)', () => {
    const s = pollsFromSnapshot(pollsSnapshot({ polls: [c] }));
    expect(pollList(s).map((p) => p.id)).toEqual(['c']);
  });
});

describe('polls slice: changes', () => {
  it('upsert replaces a known poll in place and inserts a new one by position', () => {
    let s = staffState();
    s = apply(s, { type: 'polls:upsert', poll: { ...a, status: 'closed' } });
    expect(s.polls.a?.status).toBe('closed');
    expect(s.order).toEqual(['a', 'b', 'c']);
    s = apply(s, { type: 'polls:upsert', poll: staffPoll('d', defs.open, { position: 1 }) });
    expect(s.order).toEqual(['a', 'd', 'b', 'c']);
    s = apply(s, { type: 'polls:upsert', poll: staffPoll('e', defs.open, { position: 9 }) });
    expect(s.order.at(-1)).toBe('e');
  });

  it('remove drops the poll, its entries and the stage pointer; unknown ids change nothing', () => {
    let s = apply(staffState(), { type: 'polls:presented', id: 'b' }, {
      type: 'polls:entries', entries: [
        { id: 'e1', pollId: 'b', text: 'x', name: null, state: 'pending', createdAt: T0 },
        { id: 'e2', pollId: 'c', text: 'y', name: null, state: 'approved', createdAt: T0 },
      ],
    });
    s = apply(s, { type: 'polls:remove', id: 'b' });
    expect(s.order).toEqual(['a', 'c']);
    expect(s.polls.b).toBeUndefined();
    expect(Object.keys(s.entries)).toEqual(['e2']);
    expect(s.presentedId).toBeNull();
    expect(apply(s, { type: 'polls:remove', id: 'zzz' })).toBe(s);
  });

  it('order, presented and present set their values', () => {
    const s = apply(staffState(), { type: 'polls:order', ids: ['c', 'a', 'b'] }, { type: 'polls:presented', id: 'c' }, { type: 'polls:present', count: 12 });
    expect(pollList(s).map((p) => p.id)).toEqual(['c', 'a', 'b']);
    expect(s.presentedId).toBe('c');
    expect(s.present).toBe(12);
  });

  it('tallies update responses and results of listed polls only', () => {
    const s = apply(staffState(), {
      type: 'polls:tallies',
      polls: { a: { responses: 5, results: { kind: 'choice', counts: { a: 3, b: 2, c: 0 } } }, ghost: { responses: 1, results: null } },
    });
    expect(s.polls.a?.responses).toBe(5);
    expect(s.polls.a?.results).toEqual({ kind: 'choice', counts: { a: 3, b: 2, c: 0 } });
    expect(s.polls.ghost).toBeUndefined();
  });

  it('public views: a null result means hidden; staff views keep their results', () => {
    const pub = pollsFromSnapshot(pollsSnapshot({ polls: [publicPoll(a)] }));
    const hidden = apply(pub, { type: 'polls:tallies', polls: { a: { responses: 2, results: null } } });
    expect(hidden.polls.a?.results).toBeNull();
    expect(hidden.polls.a?.responses).toBe(2);
    const staff = apply(staffState(), { type: 'polls:tallies', polls: { a: { responses: 2, results: null } } });
    expect(staff.polls.a?.results).toEqual(a.results);
  });

  it('entries upsert by id (review state changes) and entriesRemove takes them off', () => {
    const entry = { id: 'e1', pollId: 'b', text: 'x', name: null, state: 'pending' as const, createdAt: T0 };
    let s = apply(staffState(), { type: 'polls:entries', entries: [entry] });
    s = apply(s, { type: 'polls:entries', entries: [{ ...entry, state: 'approved' }] });
    expect(entriesOf(s, 'b').map((e) => e.state)).toEqual(['approved']);
    expect(wallEntries(s, 'b')).toHaveLength(1);
    s = apply(s, { type: 'polls:entriesRemove', pollId: 'b', ids: ['e1'] });
    expect(entriesOf(s, 'b')).toEqual([]);
  });

  it('ignores changes of other features (same object)', () => {
    const s = staffState();
    expect(applyPollsChange(s, { type: 'qa:pendingCount', count: 3 })).toBe(s);
    expect(applyPollsPersonal(s, { type: 'qa:myVote', id: 'x', voted: true })).toBe(s);
  });
});

describe('polls slice: personal changes and acks', () => {
  const mine = { pollId: 'a', answer: { type: 'single' as const, optionId: 'b' }, answeredAt: T0, openState: null };
  const quiz = { pollId: 'q', nickname: 'Ada', score: 900, rank: 1, answers: [] };

  it('myAnswer and myQuiz are idempotent upserts', () => {
    const once = personal(emptyPolls, { type: 'polls:myAnswer', mine });
    const twice = personal(once, { type: 'polls:myAnswer', mine });
    expect(twice.mine).toEqual(once.mine);
    expect(personal(once, { type: 'polls:myAnswer', mine: { ...mine, answer: null } }).mine.a?.answer).toBeNull();
    expect(personal(emptyPolls, { type: 'polls:myQuiz', quiz }).myQuizzes.q?.score).toBe(900);
  });

  it('the answer ack keeps my answer and my quiz state at once', () => {
    const s = pollsAcks['polls:answer']!(emptyPolls, { mine, quiz }, { pollId: 'a', answer: mine.answer });
    expect(s.mine.a).toEqual(mine);
    expect(s.myQuizzes.q).toEqual(quiz);
    expect(pollsAcks['polls:nickname']!(emptyPolls, { quiz }, { pollId: 'q', nickname: 'Ada' }).myQuizzes.q).toEqual(quiz);
  });

  it('moderator acks take the poll, the order, a deletion, the stage and imported drafts', () => {
    let s = staffState();
    s = pollsAcks['polls:open']!(s, { poll: { ...b, status: 'open' } }, { id: 'b' });
    expect(s.polls.b?.status).toBe('open');
    s = pollsAcks['polls:reorder']!(s, { ids: ['b', 'a', 'c'] }, { ids: ['b', 'a', 'c'] });
    expect(s.order).toEqual(['b', 'a', 'c']);
    expect([s.polls.b?.position, s.polls.a?.position]).toEqual([0, 1]);
    s = pollsAcks['polls:delete']!(s, {}, { id: 'c' });
    expect(s.order).toEqual(['b', 'a']);
    s = pollsAcks['polls:present']!(s, { id: 'a' }, { id: 'a' });
    expect(s.presentedId).toBe('a');
    const created = staffPoll('n', defs.open, { position: 3 });
    s = pollsAcks['polls:import']!(s, { drafts: [], issues: [], created: [created] }, { format: 'text', source: 'x', dryRun: false });
    expect(s.order.at(-1)).toBe('n');
  });

  it('the slice is registered under the snapshot key polls', () => {
    expect(pollsSlice.name).toBe('polls');
    expect(pollsSlice.empty).toBe(emptyPolls);
  });
});

describe('polls selectors', () => {
  it('attendees: open polls with the presented one first; closed ones as earlier polls, newest first', () => {
    const polls = [
      publicPoll(staffPoll('p1', defs.single, { position: 0, status: 'closed' })),
      publicPoll(staffPoll('p2', defs.wordcloud, { position: 1, status: 'open' })),
      publicPoll(staffPoll('p3', defs.ranking, { position: 2, status: 'closed' })),
      publicPoll(staffPoll('p4', defs.open, { position: 3, status: 'closed' })),
    ];
    const s = pollsFromSnapshot(pollsSnapshot({ polls, presentedId: 'p3' }));
    const { current, earlier } = attendeePolls(s);
    expect(current.map((p) => p.id)).toEqual(['p3', 'p2']);
    expect(earlier.map((p) => p.id)).toEqual(['p4', 'p1']);
    expect(stagePoll(s)?.id).toBe('p3');
    expect(stagePoll(emptyPolls)).toBeNull();
  });

  it('staff: the current quiz question comes from the definition by the run index', () => {
    const q = staffPoll('q', defs.quiz, { status: 'open' });
    expect(staffQuizQuestion(q)).toBeNull();
    expect(staffQuizQuestion({ ...q, quiz: { ...q.quiz!, phase: 'question', index: 1 } })?.id).toBe('q2');
  });
});
