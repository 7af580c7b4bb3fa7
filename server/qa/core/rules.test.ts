import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../shared/errors.js';
import type { QuestionState } from '../../../shared/qa/schemas.js';
import * as rules from './rules.js';
import { T0, T1, question, settings } from './test-fixtures.js';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    if (err instanceof DomainError) return err.code;
    throw err;
  }
  return undefined;
}

const askBase = { id: 'q9', eventId: 'e1', author: { id: 'a1', name: 'Ada' }, anonymous: false, now: T0 };

describe('ask', () => {
  it('goes live without pre-moderation and pending with it', () => {
    expect(rules.ask({ ...askBase, text: ' Wann kommt das Update? ', settings: settings() })).toMatchObject({
      state: 'live', text: 'Wann kommt das Update?', authorName: 'Ada', votes: 0, createdAt: T0.toISOString(),
    });
    const q = rules.ask({ ...askBase, text: 'Frage', settings: settings({ premoderation: true }) });
    expect(q.state).toBe('pending');
    expect(q.flaggedWords).toEqual([]);
  });

  it('sends a question with a blocked word to review even without pre-moderation, naming the word', () => {
    const q = rules.ask({ ...askBase, text: 'Was für eine Scheiße', settings: settings({ blockedWords: ['scheiße', 'mist'] }) });
    expect(q.state).toBe('pending');
    expect(q.flaggedWords).toEqual(['scheiße']);
  });

  it('refuses when closed, too long, or anonymous where not allowed', () => {
    expect(codeOf(() => rules.ask({ ...askBase, text: 'x', settings: settings({ open: false }) }))).toBe('closed');
    expect(codeOf(() => rules.ask({ ...askBase, text: 'x'.repeat(21), settings: settings({ maxQuestionLength: 20 }) }))).toBe('too_long');
    expect(rules.ask({ ...askBase, text: 'x'.repeat(20), settings: settings({ maxQuestionLength: 20 }) }).text).toHaveLength(20);
    expect(codeOf(() => rules.ask({ ...askBase, anonymous: true, text: 'x', settings: settings({ anonymousAllowed: false }) }))).toBe('forbidden');
  });

  it('does not keep the name of an anonymous asker', () => {
    const q = rules.ask({ ...askBase, anonymous: true, text: 'Frage', settings: settings() });
    expect(q.anonymous).toBe(true);
    expect(q.authorName).toBeNull();
  });
});

describe('moderator transitions', () => {
  const s = settings();
  const table: Array<[string, (q: ReturnType<typeof question>) => unknown, QuestionState[]]> = [
    ['approve', (q) => rules.approve(q, { settings: s, now: T1 }), ['pending', 'rejected']],
    ['reject', (q) => rules.reject(q, T1), ['pending', 'live']],
    ['answer', (q) => rules.answer(q, T1), ['live']],
    ['restore', (q) => rules.restore(q, s, T1), ['answered', 'rejected']],
  ];
  const states: QuestionState[] = ['pending', 'live', 'answered', 'rejected', 'withdrawn'];
  for (const [name, run, allowed] of table) {
    for (const state of states) {
      const ok = allowed.includes(state);
      it(`${name} from ${state} ${ok ? 'is allowed' : 'is invalid_state'}`, () => {
        expect(codeOf(() => run(question({ state })))).toBe(ok ? undefined : 'invalid_state');
      });
    }
  }

  it('approve with corrected text replaces the text and rechecks the flags', () => {
    const q = question({ state: 'pending', text: 'so ein shit', flaggedWords: ['shit'] });
    const out = rules.approve(q, { text: 'so ein Mist', settings: settings({ blockedWords: ['shit'] }), now: T1 });
    expect(out).toMatchObject({ state: 'live', text: 'so ein Mist', flaggedWords: [], updatedAt: T1.toISOString() });
  });

  it('answer and reject take the question off the stage and out of the queue', () => {
    const q = question({ highlighted: true, queuePos: 3 });
    expect(rules.answer(q, T1)).toMatchObject({ state: 'answered', highlighted: false, queuePos: null, answeredAt: T1.toISOString() });
    expect(rules.reject(q, T1)).toMatchObject({ state: 'rejected', highlighted: false, queuePos: null });
  });

  it('restore brings answered back live and rejected to pending or live depending on review', () => {
    expect(rules.restore(question({ state: 'answered', answeredAt: T0.toISOString() }), settings(), T1)).toMatchObject({
      state: 'live', answeredAt: null,
    });
    expect(rules.restore(question({ state: 'rejected' }), settings(), T1).state).toBe('live');
    expect(rules.restore(question({ state: 'rejected' }), settings({ premoderation: true }), T1).state).toBe('pending');
    const flagged = rules.restore(question({ state: 'rejected', text: 'du penner' }), settings({ blockedWords: ['penner'] }), T1);
    expect(flagged).toMatchObject({ state: 'pending', flaggedWords: ['penner'] });
  });

  it('moderator edit works in any state and keeps the state', () => {
    for (const state of states) {
      const out = rules.moderatorEdit(question({ state }), { text: 'Neu', settings: settings(), now: T1 });
      expect(out).toMatchObject({ state, text: 'Neu' });
    }
  });

  it('labels are de-duplicated case-insensitively; blank reply clears it', () => {
    expect(rules.label(question(), ['Technik', 'technik', ' Preis '], T1).labels).toEqual(['Technik', 'Preis']);
    expect(rules.reply(question(), 'Kommt im Mai', T1).reply).toBe('Kommt im Mai');
    expect(rules.reply(question({ reply: 'x' }), '  ', T1).reply).toBeNull();
    expect(rules.reply(question({ reply: 'x' }), null, T1).reply).toBeNull();
    expect(rules.star(question(), true, T1).starred).toBe(true);
  });

  it('bulk skips questions whose state does not allow the action', () => {
    expect(rules.bulkStep(question({ state: 'pending' }), 'approve', settings(), T1)?.state).toBe('live');
    expect(rules.bulkStep(question({ state: 'live' }), 'approve', settings(), T1)).toBeNull();
    expect(rules.bulkStep(question({ state: 'answered' }), 'answer', settings(), T1)).toBeNull();
  });
});

describe('author edit and withdraw', () => {
  const mine = { attendeeId: 'a1', now: T1 };

  it('only the author edits, only while pending or live', () => {
    expect(codeOf(() => rules.editOwn(question(), { ...mine, attendeeId: 'a2', text: 'x', settings: settings() }))).toBe('forbidden');
    expect(codeOf(() => rules.withdraw(question(), { ...mine, attendeeId: 'a2' }))).toBe('forbidden');
    for (const state of ['answered', 'rejected', 'withdrawn', 'merged'] as const) {
      expect(codeOf(() => rules.editOwn(question({ state }), { ...mine, text: 'x', settings: settings() }))).toBe('invalid_state');
    }
  });

  it('the author deletes an own question in every state but withdrawn; a second delete is not_found', () => {
    for (const state of ['pending', 'live', 'answered', 'rejected', 'merged'] as const) {
      expect(rules.withdraw(question({ state, mergedInto: state === 'merged' ? 'q9' : null }), mine).state).toBe('withdrawn');
    }
    expect(codeOf(() => rules.withdraw(question({ state: 'withdrawn' }), mine))).toBe('not_found');
    expect(rules.withdraw(question({ highlighted: true, queuePos: 1 }), mine)).toMatchObject({ state: 'withdrawn', highlighted: false, queuePos: null });
  });

  it('withdrawing erases everything personal: text, name, author link, labels, reply, flags, votes; id, source and times stay', () => {
    const q = question({
      state: 'answered', text: 'Meine private Frage', authorName: 'Ada', labels: ['Technik'], reply: 'Danke, Ada!', starred: true,
      flaggedWords: ['x'], votes: 7, answeredAt: T0.toISOString(), sourceLabel: 'Zoom',
    });
    const out = rules.withdraw(q, mine);
    expect(out).toEqual({
      ...q,
      authorId: rules.ERASED_AUTHOR, authorName: null, anonymous: true, text: '', state: 'withdrawn', votes: 0, labels: [], reply: null,
      starred: false, flaggedWords: [], queuePos: null, highlighted: false, answeredAt: null, mergedInto: null, updatedAt: T1.toISOString(),
    });
    expect(JSON.stringify(out)).not.toMatch(/Ada|private|Technik|a1/);
    expect(rules.isErased(out)).toBe(true);
  });

  it('a live question stays live after an innocent edit without pre-moderation', () => {
    const out = rules.editOwn(question({ highlighted: true }), { ...mine, text: 'Besser formuliert', settings: settings() });
    expect(out).toMatchObject({ state: 'live', text: 'Besser formuliert', highlighted: true });
  });

  it('a live question goes back to pending when pre-moderation is on or a blocked word matches', () => {
    const pre = rules.editOwn(question({ highlighted: true, queuePos: 2 }), { ...mine, text: 'Neu', settings: settings({ premoderation: true }) });
    expect(pre).toMatchObject({ state: 'pending', highlighted: false, queuePos: null });
    const word = rules.editOwn(question(), { ...mine, text: 'Du Penner', settings: settings({ blockedWords: ['penner'] }) });
    expect(word).toMatchObject({ state: 'pending', flaggedWords: ['penner'] });
  });

  it('respects the length limit', () => {
    expect(codeOf(() => rules.editOwn(question(), { ...mine, text: 'x'.repeat(40), settings: settings({ maxQuestionLength: 30 }) }))).toBe('too_long');
  });
});
