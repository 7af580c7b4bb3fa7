import { describe, expect, it } from 'vitest';
import { PollDefinition, PollView, PublicPoll, StaffPoll } from '../../../shared/polls/schemas.js';
import { closePoll, openPoll } from './lifecycle.js';
import { quizEndQuestion, quizNext } from './quiz.js';
import { applyAnswer, applyQuizAnswer, emptyTally } from './tally.js';
import { T0, at, defs, noBlocked, poll } from './test-fixtures.js';
import { audienceOf, entryVisible, pollViewFor, publicView, resultsVisible, staffView, tallyUpdateFor } from './visibility.js';

const ctx = { isBlocked: noBlocked };

describe('visibility rule', () => {
  const cases = [
    // results, status, revealed → attendee sees results?
    ['live', 'open', false, true],
    ['live', 'closed', false, true],
    ['afterClose', 'open', false, false],
    ['afterClose', 'closed', false, true],
    ['afterClose', 'open', true, true],
    ['hidden', 'open', false, false],
    ['hidden', 'closed', false, false],
    ['hidden', 'closed', true, true],
    ['live', 'draft', true, false],
  ] as const;
  for (const [results, status, revealed, seen] of cases) {
    it(`${results} / ${status}${revealed ? ' / revealed' : ''}: attendees ${seen ? 'see' : 'do not see'} results`, () => {
      const p = poll(defs.single, { status, revealed, settings: { results } });
      expect(resultsVisible(p, 'attendee')).toBe(seen);
      expect(resultsVisible(p, 'staff')).toBe(true);
      expect(resultsVisible(p, 'stage')).toBe(status !== 'draft');
    });
  }

  it('maps roles to audiences', () => {
    expect(['organizer', 'moderator', 'facilitator', 'stage', 'speaker', 'attendee'].map((r) => audienceOf(r as never))).toEqual(['staff', 'staff', 'staff', 'stage', 'stage', 'attendee']);
  });

  it('drafts are staff only; public views carry null results while hidden but still the response count', () => {
    const draft = poll(defs.single);
    const t = emptyTally(draft.definition);
    applyAnswer(t, null, { answer: { type: 'single', optionId: 'a' } }, ctx);
    expect(pollViewFor(draft, t, 'attendee')).toBeNull();
    const staff = pollViewFor(draft, t, 'staff');
    expect(StaffPoll.parse(staff)).toMatchObject({ responses: 1, results: { kind: 'choice', counts: { a: 1, b: 0, c: 0 } } });

    const hidden = openPoll(poll(defs.single, { settings: { results: 'hidden' } }), T0);
    const pub = publicView(hidden, t, 'attendee');
    expect(PublicPoll.parse(pub)).toMatchObject({ responses: 1, results: null });
    expect(tallyUpdateFor(hidden, t, 'attendee')).toEqual({ responses: 1, results: null });
    expect(tallyUpdateFor(hidden, t, 'stage')).toEqual({ responses: 1, results: { kind: 'choice', counts: { a: 1, b: 0, c: 0 } } });
    expect(tallyUpdateFor(draft, t, 'stage')).toBeNull();
  });

  it('attendees get the top words only; the stage gets the cloud', () => {
    const p = openPoll(poll(defs.wordcloud), T0);
    const t = emptyTally(p.definition);
    for (let i = 0; i < 30; i++) applyAnswer(t, null, { answer: { type: 'wordcloud', words: [`wort${i}`] } }, ctx);
    const forAttendee = publicView(p, t, 'attendee').results;
    const forStage = publicView(p, t, 'stage').results;
    expect(forAttendee?.kind === 'words' && forAttendee.words.length).toBe(10);
    expect(forStage?.kind === 'words' && forStage.words.length).toBe(30);
  });

  it('open text: public results hide the pending count; only approved entries of visible polls are public', () => {
    const p = openPoll(poll(defs.open), T0);
    const t = emptyTally(p.definition);
    applyAnswer(t, null, { answer: { type: 'open', text: 'a' }, openState: 'pending' }, ctx);
    expect(publicView(p, t, 'attendee').results).toEqual({ kind: 'open', approved: 0, pending: 0 });
    expect(entryVisible({ state: 'approved' }, p, 'attendee')).toBe(true);
    expect(entryVisible({ state: 'pending' }, p, 'attendee')).toBe(false);
    expect(entryVisible({ state: 'pending' }, p, 'staff')).toBe(true);
    expect(entryVisible({ state: 'approved' }, { ...p, settings: { ...p.settings, results: 'hidden' } }, 'attendee')).toBe(false);
  });

  it('a quiz hides its questions and correct answers from attendees until the review', () => {
    const p = openPoll(poll(defs.quiz), T0);
    const t = emptyTally(p.definition);
    const lobby = publicView(p, t, 'attendee', { players: 2, leaderboard: [] });
    expect(lobby.definition).toEqual({ type: 'quiz', question: 'Hauptstädte', questionCount: 2 });
    expect(JSON.stringify(lobby)).not.toContain('Frankreich');
    const running = quizNext(p, at(1));
    applyQuizAnswer(t, { questionId: 'q1', optionIds: ['b'], correct: true });
    const q = publicView(running, t, 'attendee', { players: 2, leaderboard: [{ rank: 1, nickname: 'Ada', score: 1000, correct: 1 }] });
    expect(q.quiz?.question).toMatchObject({ id: 'q1', text: 'Frankreich?', correct: null, counts: null, answered: null });
    expect(q.quiz?.leaderboard).toEqual([]);
    expect(q.responses).toBe(1);
    expect(q.results).toBeNull();
    expect(JSON.stringify(q)).not.toContain('Ostsee');
    const review = publicView(quizEndQuestion(running, at(5)), t, 'attendee', { players: 2, leaderboard: [{ rank: 1, nickname: 'Ada', score: 1000, correct: 1 }] });
    expect(review.quiz?.question).toMatchObject({ correct: ['b'], counts: { a: 0, b: 1 }, answered: 1 });
    expect(review.quiz?.leaderboard).toHaveLength(1);
    expect(PollView.parse(review)).toBeTruthy();
    const staff = staffView(quizEndQuestion(running, at(5)), t);
    expect(staff.definition.type === 'quiz' && staff.definition.questions[0]?.correct).toEqual(['b']);
  });

  it('closed polls show their results to attendees with afterClose', () => {
    const p = closePoll(openPoll(poll(defs.rating, { settings: { results: 'afterClose' } }), T0), at(3));
    const t = emptyTally(PollDefinition.parse(defs.rating));
    expect(publicView(p, t, 'attendee').results).toMatchObject({ kind: 'rating' });
  });
});

describe('coalesced tallies change', () => {
  it('carries only the given polls an audience may see, and validates as a change', async () => {
    const { talliesChangeFor } = await import('./visibility.js');
    const { PollChanges } = await import('../../../shared/polls/schemas.js');
    const open = openPoll(poll(defs.single, { id: 'p1' }), T0);
    const draft = poll(defs.rating, { id: 'p2' });
    const t1 = emptyTally(open.definition);
    applyAnswer(t1, null, { answer: { type: 'single', optionId: 'c' } }, ctx);
    const t2 = emptyTally(draft.definition);
    const staff = talliesChangeFor([{ poll: open, tally: t1 }, { poll: draft, tally: t2 }], 'staff');
    expect(Object.keys(staff!.polls)).toEqual(['p1', 'p2']);
    const pub = talliesChangeFor([{ poll: open, tally: t1 }, { poll: draft, tally: t2 }], 'attendee');
    expect(pub).toEqual({ type: 'polls:tallies', polls: { p1: { responses: 1, results: { kind: 'choice', counts: { a: 0, b: 0, c: 1 } } } } });
    expect(PollChanges.some((c) => c.safeParse(pub).success)).toBe(true);
    expect(talliesChangeFor([{ poll: draft, tally: t2 }], 'attendee')).toBeNull();
  });
});
