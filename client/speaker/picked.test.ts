import { describe, expect, it } from 'vitest';
import { question } from '../testing/fixtures.js';
import { pickedQuestions } from './picked.js';

const qs = Object.fromEntries(['a', 'b', 'c', 'd'].map((id) => [id, question(id)]));

describe('pickedQuestions', () => {
  it('the highlight is "now", then the queue in its order without the highlight', () => {
    const out = pickedQuestions({ questions: qs, highlightedId: 'b', queue: ['c', 'b', 'a'] }, null);
    expect(out.now?.id).toBe('b');
    expect(out.next.map((q) => q.id)).toEqual(['c', 'a']);
  });

  it('without a highlight, a question on air on the room screen is "now"', () => {
    const out = pickedQuestions({ questions: qs, highlightedId: null, queue: ['a', 'd'] }, { kind: 'question', questionId: 'd' });
    expect(out.now?.id).toBe('d');
    expect(out.next.map((q) => q.id)).toEqual(['a']);
  });

  it('the highlight wins over the room screen; other on-air kinds are no question', () => {
    expect(pickedQuestions({ questions: qs, highlightedId: 'a', queue: [] }, { kind: 'question', questionId: 'd' }).now?.id).toBe('a');
    expect(pickedQuestions({ questions: qs, highlightedId: null, queue: [] }, { kind: 'poll', pollId: 'p1' }).now).toBeNull();
    expect(pickedQuestions({ questions: qs, highlightedId: null, queue: [] }, { kind: 'join' }).now).toBeNull();
  });

  it('skips ids this audience does not see (removed, merged) and answered questions in the queue', () => {
    const questions = { ...qs, c: question('c', { state: 'answered' }) };
    const out = pickedQuestions({ questions, highlightedId: 'gone', queue: ['x', 'c', 'a'] }, { kind: 'question', questionId: 'gone2' });
    expect(out.now).toBeNull();
    expect(out.next.map((q) => q.id)).toEqual(['a']);
  });

  it('an answered highlight stays "now" (until it is taken down), shown as answered by the view', () => {
    const questions = { ...qs, a: question('a', { state: 'answered' }) };
    expect(pickedQuestions({ questions, highlightedId: 'a', queue: [] }, null).now?.state).toBe('answered');
  });
});
