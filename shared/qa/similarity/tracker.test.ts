import { describe, expect, it } from 'vitest';
import { syntheticQuestions } from '../../../bench/duplicates/corpus.js';
import { createDuplicateTracker, groupDuplicates } from './index.js';

describe('createDuplicateTracker', () => {
  it('links a question to earlier and later duplicates, both ways', () => {
    const t = createDuplicateTracker();
    t.set('1', 'Wird der Vortrag aufgezeichnet?');
    t.set('2', 'Wo finde ich die Folien?');
    expect(t.groups()).toEqual([]);
    t.set('3', 'Gibt es eine Aufzeichnung des Vortrags?');
    expect(t.duplicatesOf('1').map((m) => m.id)).toEqual(['3']);
    expect(t.duplicatesOf('3').map((m) => m.id)).toEqual(['1']);
    expect(t.groups().map((g) => g.ids)).toEqual([['1', '3']]);
  });

  it('relinks an edited question and forgets a removed one', () => {
    const t = createDuplicateTracker();
    t.set('1', 'Wird der Vortrag aufgezeichnet?');
    t.set('2', 'Wo finde ich die Folien?');
    t.set('3', 'Wird der Vortrag aufgezeichnet?');
    t.set('3', 'Wo finde ich die Follien?');
    expect(t.groups().map((g) => g.ids)).toEqual([['2', '3']]);
    expect(t.duplicatesOf('1')).toEqual([]);
    expect(t.remove('2')).toBe(true);
    expect(t.remove('2')).toBe(false);
    expect(t.groups()).toEqual([]);
    expect(t.size).toBe(2);
    expect(t.has('2')).toBe(false);
  });

  it('gives the same groups as groupDuplicates, also after edits and removals', () => {
    const questions = syntheticQuestions(300, 5);
    const t = createDuplicateTracker();
    for (const q of questions) t.set(q.id, q.text);
    expect(t.groups().length).toBeGreaterThan(10);
    expect(t.groups()).toEqual(groupDuplicates(questions));
    const edited = questions.map((q, i) => (i % 7 === 0 ? { ...q, text: `${q.text} Und gibt es die Folien?` } : q));
    for (const q of edited) if (q !== questions[Number(q.id.slice(1)) - 1]) t.set(q.id, q.text);
    const kept = edited.filter((_, i) => i % 11 !== 3);
    for (const q of edited) if (!kept.includes(q)) t.remove(q.id);
    expect(t.groups()).toEqual(groupDuplicates(kept));
  });
});
