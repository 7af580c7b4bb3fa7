import { describe, expect, it } from 'vitest';
import { hasSubstance, normalizeText, selectMessage, stripPrefix, type SelectionRule } from './selection.js';

const PREFIXES = ['Frage:', 'Q:', 'F:'];
const rule = (chatImport: SelectionRule['chatImport'], prefixes = PREFIXES): SelectionRule => ({ chatImport, prefixes });

describe('normalizeText / hasSubstance', () => {
  it('collapses whitespace, removes zero-width characters, NFC', () => {
    expect(normalizeText('  Wie\n\tgeht\u00A0das\u200B?  ')).toBe('Wie geht das?');
    expect(normalizeText('Gru\u0308ße')).toBe('Grüße');
  });
  it('needs a letter or digit outside emoji shortcodes', () => {
    expect(hasSubstance('???')).toBe(false);
    expect(hasSubstance('🤔🤔 ?')).toBe(false);
    expect(hasSubstance(':face-blue-smiling: :thinking_face:?')).toBe(false);
    expect(hasSubstance('Is 🍕 ok?')).toBe(true);
    expect(hasSubstance('42?')).toBe(true);
    expect(hasSubstance('Ärger?')).toBe(true);
  });
});

describe('stripPrefix', () => {
  it.each([
    ['Frage: Wie geht das?', 'Wie geht das?', 'Frage:'],
    ['frage: wie geht das?', 'wie geht das?', 'Frage:'],
    ['FRAGE: WIE?', 'WIE?', 'Frage:'],
    ['Frage : mit Leerzeichen?', 'mit Leerzeichen?', 'Frage:'],
    ['Frage：vollbreit?', 'vollbreit?', 'Frage:'],
    ['Frage:ohne Leerzeichen', 'ohne Leerzeichen', 'Frage:'],
    ['„Frage: Wann kommt die Pause?“', 'Wann kommt die Pause?', 'Frage:'],
    ['"Q: quoted?"', 'quoted?', 'Q:'],
    ['q: lower case', 'lower case', 'Q:'],
    ['Q:Why?', 'Why?', 'Q:'],
    ['F: Kurzform?', 'Kurzform?', 'F:'],
    ['f: kurz', 'kurz', 'F:'],
    ['🙋 Frage: mit Emoji davor', 'mit Emoji davor', 'Frage:'],
    ['   Q:   spaced   ', 'spaced', 'Q:'],
  ])('%j → %j (%s)', (input, text, prefix) => {
    expect(stripPrefix(normalizeText(input), PREFIXES)).toEqual({ text, prefix });
  });

  it.each([
    ['Fragen über Fragen?'],
    ['Frage ohne Doppelpunkt'],
    ['Eine Frage: mittendrin'],
    ['Quatsch: kein Prefix'],
    ['FAQ: nope'],
    ['Fr: nein'],
  ])('no prefix in %j', (input) => {
    expect(stripPrefix(input, PREFIXES).prefix).toBeNull();
  });

  it('the longest prefix wins', () => {
    expect(stripPrefix('Frage: x', ['F:', 'Frage:'])).toEqual({ text: 'x', prefix: 'Frage:' });
  });

  it('a prefix without a colon ends at a word boundary and takes an optional colon', () => {
    expect(stripPrefix('#frage Wie?', ['#Frage'])).toEqual({ text: 'Wie?', prefix: '#Frage' });
    expect(stripPrefix('#frage: Wie?', ['#Frage'])).toEqual({ text: 'Wie?', prefix: '#Frage' });
    expect(stripPrefix('#fragen Wie?', ['#Frage']).prefix).toBeNull();
  });

  it('treats regex characters in prefixes literally', () => {
    expect(stripPrefix('(?) Was?', ['(?)'])).toEqual({ text: 'Was?', prefix: '(?)' });
    expect(stripPrefix('x Was?', ['.'])).toEqual({ text: 'x Was?', prefix: null });
  });
});

describe('selectMessage', () => {
  it('off never selects', () => {
    expect(selectMessage('Frage: Wie geht das?', rule('off')).matched).toBe(false);
  });

  it('question-mark: contains ? (also full-width), with substance', () => {
    expect(selectMessage('Wie geht das?', rule('question-mark'))).toEqual({ matched: true, text: 'Wie geht das?', prefix: null });
    expect(selectMessage('Was ist das？', rule('question-mark')).matched).toBe(true);
    expect(selectMessage('Mitte? und weiter', rule('question-mark')).matched).toBe(true);
    expect(selectMessage('Super Vortrag!', rule('question-mark')).matched).toBe(false);
    expect(selectMessage('???', rule('question-mark')).matched).toBe(false);
    expect(selectMessage('🤔?', rule('question-mark')).matched).toBe(false);
    expect(selectMessage(':thinking_face:?', rule('question-mark')).matched).toBe(false);
  });

  it('question-mark also strips a prefix', () => {
    expect(selectMessage('Frage: Wie?', rule('question-mark'))).toEqual({ matched: true, text: 'Wie?', prefix: 'Frage:' });
  });

  it('prefix: only messages starting with a prefix, prefix removed', () => {
    expect(selectMessage('Q: How does it scale', rule('prefix'))).toEqual({ matched: true, text: 'How does it scale', prefix: 'Q:' });
    expect(selectMessage('How does it scale?', rule('prefix')).matched).toBe(false);
    expect(selectMessage('Frage:', rule('prefix')).matched).toBe(false);
    expect(selectMessage('Frage: 🤔🤔', rule('prefix')).matched).toBe(false);
    expect(selectMessage('Frage: wie?', rule('prefix', []))).toEqual({ matched: false, text: 'Frage: wie?', prefix: null });
  });

  it('all: every message with substance', () => {
    expect(selectMessage('Hallo zusammen', rule('all')).matched).toBe(true);
    expect(selectMessage('👍👍👍', rule('all')).matched).toBe(false);
    expect(selectMessage('   ', rule('all')).matched).toBe(false);
    expect(selectMessage('', rule('all')).matched).toBe(false);
  });
});
