import { describe, expect, it } from 'vitest';
import { thrownCode as code } from '../../testing/thrown-code.js';
import { parseImport, parseJson, parseText, requireValidImport } from './import.js';

const SAMPLE = `# Umfragen für den Vormittag
Wie gefällt Ihnen die Veranstaltung?
- Sehr gut
- Gut
- Geht so

[mehrfach 2] Welche Themen interessieren Sie?
- KI
- Cloud
- Sicherheit

[rating 10] Wie wahrscheinlich empfehlen Sie uns?
- unwahrscheinlich
- sehr wahrscheinlich

[Wortwolke] Ein Wort zum Tag?

[open] Was nehmen Sie mit?

[ranking] Was ist am wichtigsten?
- Preis
- Qualität

[quiz] Hauptstädte
? Hauptstadt von Frankreich? (15 s)
- Berlin
* Paris

? Welche Städte liegen an der Ostsee?
* Kiel
- Kassel
* Rostock
`;

describe('text import', () => {
  it('reads every type, German tags, quiz questions across blank lines', () => {
    const { drafts, issues } = parseText(SAMPLE);
    expect(issues).toEqual([]);
    expect(drafts.map((d) => d.definition.type)).toEqual(['single', 'multiple', 'rating', 'wordcloud', 'open', 'ranking', 'quiz']);
    expect(drafts[0]!.definition).toEqual({
      type: 'single', question: 'Wie gefällt Ihnen die Veranstaltung?',
      options: [{ id: 'o1', text: 'Sehr gut' }, { id: 'o2', text: 'Gut' }, { id: 'o3', text: 'Geht so' }],
    });
    expect(drafts[1]!.definition).toMatchObject({ maxSelections: 2 });
    expect(drafts[2]!.definition).toMatchObject({ scale: 10, lowLabel: 'unwahrscheinlich', highLabel: 'sehr wahrscheinlich' });
    expect(drafts[3]!.definition).toMatchObject({ maxWords: 3 });
    expect(drafts[6]!.definition).toMatchObject({
      type: 'quiz',
      question: 'Hauptstädte',
      questions: [
        { id: 'q1', text: 'Hauptstadt von Frankreich?', kind: 'single', correct: ['o2'], timeLimitSec: 15 },
        { id: 'q2', kind: 'multiple', correct: ['o1', 'o3'], timeLimitSec: 20 },
      ],
    });
    expect(drafts[0]!.settings).toEqual({ results: 'live', identity: 'anonymous', allowChange: false, timerSec: null });
  });

  it('names the line of every problem and imports nothing then', () => {
    const src = [
      'Nur eine Option', // 1
      '- A', // 2
      '', // 3
      '[blubb] Was?', // 4
      '', // 5
      '[quiz] Q', // 6
      '? Ohne richtige Antwort', // 7
      '- a', // 8
      '- b', // 9
      '', // 10
      'Zu lang', // 11
      `- ${'x'.repeat(121)}`, // 12
      '- y', // 13
      'kein Optionsformat', // 14
      '', // 15
      '? verwaist', // 16
    ].join('\n');
    const { drafts, issues } = parseText(src);
    expect(drafts).toEqual([]);
    expect(issues.map((i) => [i.line, i.code])).toEqual([
      [1, 'too_few_options'], [4, 'bad_type'], [7, 'no_correct'], [12, 'too_long'], [14, 'bad_value'], [16, 'bad_type'],
    ]);
  });

  it('a real import with problems is refused with import_invalid', () => {
    expect(code(() => requireValidImport(parseText('Frage\n- A')))).toBe('import_invalid');
    expect(requireValidImport(parseText('Frage\n- A\n- B'))).toHaveLength(1);
  });

  it('refuses empty input and duplicate options', () => {
    expect(parseText('\n# nur Kommentar\n').issues[0]).toMatchObject({ line: 0, code: 'empty' });
    expect(parseText('Frage\n- A\n- a').issues[0]).toMatchObject({ line: 3, code: 'duplicate_option' });
    expect(parseText('Frage\n- A\n* B').issues[0]).toMatchObject({ line: 3, code: 'bad_value' });
  });
});

describe('JSON import', () => {
  it('takes full drafts and the short form with string options', () => {
    const src = JSON.stringify({
      polls: [
        { definition: { type: 'single', question: 'A?', options: [{ id: 'x', text: '1' }, { id: 'y', text: '2' }] }, settings: { results: 'hidden' } },
        { type: 'multiple', question: 'B?', options: ['1', '2', '3'], settings: { identity: 'named' } },
        { type: 'quiz', title: 'Quiz', questions: [{ text: 'Paris?', options: ['Berlin', { text: 'Paris', correct: true }] }, { text: 'Zwei?', options: ['a', 'b', 'c'], correct: ['a', 'c'], timeLimitSec: 10 }] },
        { type: 'wordcloud', question: 'Wort?' },
      ],
    });
    const { drafts, issues } = parseJson(src);
    expect(issues).toEqual([]);
    expect(drafts[0]).toMatchObject({ settings: { results: 'hidden', identity: 'anonymous' } });
    expect(drafts[1]!.definition).toMatchObject({ maxSelections: 3, options: [{ id: 'o1', text: '1' }, { id: 'o2' }, { id: 'o3' }] });
    expect(drafts[1]!.settings.identity).toBe('named');
    expect(drafts[2]!.definition).toMatchObject({
      question: 'Quiz',
      questions: [{ id: 'q1', kind: 'single', correct: ['o2'], timeLimitSec: 20 }, { id: 'q2', kind: 'multiple', correct: ['o1', 'o3'], timeLimitSec: 10 }],
    });
    expect(drafts[3]!.definition).toMatchObject({ maxWords: 3 });
  });

  it('reports bad JSON and bad polls by number', () => {
    expect(parseImport('json', '{oops').issues[0]).toMatchObject({ line: 0, code: 'bad_json' });
    expect(parseImport('json', '{"a":1}').issues[0]).toMatchObject({ code: 'bad_json' });
    const { issues, drafts } = parseJson(JSON.stringify([
      { type: 'single', question: 'ok', options: ['a', 'b'] },
      { type: 'single', question: 'one', options: ['a'] },
      { type: 'nope', question: 'x' },
    ]));
    expect(drafts).toEqual([]);
    expect(issues.map((i) => [i.line, i.code])).toEqual([[2, 'too_few_options'], [3, 'bad_type']]);
  });
});
