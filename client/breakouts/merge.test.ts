import { describe, expect, it } from 'vitest';
import { mapPosition, replayEdit } from './merge.js';

describe('mapPosition', () => {
  it('moves a caret behind text inserted before it and keeps it before text inserted after it', () => {
    expect(mapPosition('hello world', 'oh hello world', 5)).toBe(8);
    expect(mapPosition('hello world', 'hello world!!', 5)).toBe(5);
  });

  it('keeps the caret before text inserted exactly at it, so typing continues the own sentence', () => {
    expect(mapPosition('Zweitens: ', 'Zweitens: Erstens. ', 10)).toBe(10);
    expect(mapPosition('abc', 'Xabc', 0)).toBe(0);
  });

  it('moves a caret inside deleted text to where the deletion was', () => {
    expect(mapPosition('abcXYZdef', 'abcdef', 5)).toBe(3);
    expect(mapPosition('one two three', 'one two three', 13)).toBe(13);
    expect(mapPosition('abc', 'ab', 3)).toBe(2);
  });
});

describe('replayEdit', () => {
  it('replays a keystroke, a deletion and a paste made on an older text where they were made', () => {
    expect(replayEdit('Zweitens: ', 'Zweitens: s', 'Zweitens: Erstens. ')).toBe('Zweitens: sErstens. ');
    expect(replayEdit('abc def', 'abc de', 'X abc def Y')).toBe('X abc de Y');
    expect(replayEdit('one two', 'one, pasted, two', 'one two three')).toBe('one, pasted, two three');
    expect(replayEdit('same', 'same!', 'same')).toBe('same!');
  });
});
