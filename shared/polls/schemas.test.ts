import { describe, expect, it } from 'vitest';
import { pollsFeature } from './index.js';
import { AnswerPayload, PollDefinition, PollDraft, PollSettings, PollsSnapshot, POLL_ERROR_CODES, POLL_LIMITS } from './schemas.js';

const opts = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `o${i + 1}`, text: `Option ${i + 1}` }));

describe('poll schemas', () => {
  it('single/multiple: 2–12 options with unique ids, maxSelections within the options', () => {
    expect(PollDefinition.safeParse({ type: 'single', question: 'Q', options: opts(1) }).success).toBe(false);
    expect(PollDefinition.safeParse({ type: 'single', question: 'Q', options: opts(12) }).success).toBe(true);
    expect(PollDefinition.safeParse({ type: 'single', question: 'Q', options: opts(13) }).success).toBe(false);
    expect(PollDefinition.safeParse({ type: 'single', question: 'Q', options: [...opts(2), { id: 'o1', text: 'x' }] }).success).toBe(false);
    expect(PollDefinition.safeParse({ type: 'multiple', question: 'Q', options: opts(3), maxSelections: 4 }).success).toBe(false);
    expect(PollDefinition.safeParse({ type: 'single', question: ' ', options: opts(2) }).success).toBe(false);
    expect(PollDefinition.safeParse({ type: 'single', question: 'x'.repeat(POLL_LIMITS.questionMax + 1), options: opts(2) }).success).toBe(false);
  });

  it('rating 5 or 10, ranking 2–10 items, word cloud 1–3 words', () => {
    expect(PollDefinition.safeParse({ type: 'rating', question: 'Q', scale: 7 }).success).toBe(false);
    expect(PollDefinition.parse({ type: 'rating', question: 'Q', scale: 10 })).toMatchObject({ lowLabel: null, highLabel: null });
    expect(PollDefinition.safeParse({ type: 'ranking', question: 'Q', items: opts(11) }).success).toBe(false);
    expect(PollDefinition.safeParse({ type: 'wordcloud', question: 'Q', maxWords: 4 }).success).toBe(false);
  });

  it('quiz: correct answers must be options; single choice has exactly one', () => {
    const q = { id: 'q1', text: 'T', kind: 'single', options: opts(2), correct: ['o1'], timeLimitSec: 20 };
    expect(PollDefinition.safeParse({ type: 'quiz', question: 'Q', questions: [q] }).success).toBe(true);
    expect(PollDefinition.safeParse({ type: 'quiz', question: 'Q', questions: [{ ...q, correct: ['o9'] }] }).success).toBe(false);
    expect(PollDefinition.safeParse({ type: 'quiz', question: 'Q', questions: [{ ...q, correct: ['o1', 'o2'] }] }).success).toBe(false);
    expect(PollDefinition.safeParse({ type: 'quiz', question: 'Q', questions: [{ ...q, kind: 'multiple', correct: ['o1', 'o2'] }] }).success).toBe(true);
    expect(PollDefinition.safeParse({ type: 'quiz', question: 'Q', questions: [{ ...q, timeLimitSec: 2 }] }).success).toBe(false);
  });

  it('settings default to live, anonymous, no change, no timer', () => {
    expect(PollSettings.parse({})).toEqual({ results: 'live', identity: 'anonymous', allowChange: false, timerSec: null });
    expect(PollDraft.parse({ definition: { type: 'open', question: 'Q' } }).definition).toMatchObject({ review: true });
  });

  it('answers: 1–3 words, every type distinguishable', () => {
    expect(AnswerPayload.safeParse({ type: 'wordcloud', words: [] }).success).toBe(false);
    expect(AnswerPayload.safeParse({ type: 'wordcloud', words: ['a', 'b', 'c', 'd'] }).success).toBe(false);
    expect(AnswerPayload.safeParse({ type: 'rating', value: 11 }).success).toBe(false);
  });

  it('the feature object: moderator commands for staff, answers for attendees; an empty snapshot parses', () => {
    const { commands } = pollsFeature;
    expect(commands['polls:answer'].roles).toEqual(['attendee']);
    expect(commands['polls:retract'].roles).toEqual(['attendee']);
    expect(commands['polls:create'].roles).toEqual(['organizer', 'moderator']);
    for (const [name, spec] of Object.entries(commands)) {
      expect(name).toMatch(/^polls:[a-z][A-Za-z]+$/);
      if (name !== 'polls:answer' && name !== 'polls:nickname' && name !== 'polls:retract') expect(spec.roles).not.toContain('attendee');
    }
    expect(Object.keys(pollsFeature.errorCodes).sort()).toEqual([...POLL_ERROR_CODES].sort());
    expect(pollsFeature.errorCodes.poll_closed).toBe(409);
    expect(PollsSnapshot.parse({ polls: [], presentedId: null, entries: [], mine: [], myQuizzes: [], present: null })).toBeTruthy();
    expect(pollsFeature.changes.map((c) => c.shape.type.value)).toContain('polls:tallies');
    expect(pollsFeature.personal.map((c) => c.shape.type.value)).toEqual(['polls:myAnswer', 'polls:myQuiz']);
  });
});
