import { describe, expect, it } from 'vitest';
import { mapPosition, mergeText } from './merge.js';

describe('mergeText', () => {
  it('keeps both edits when two people type in different places', () => {
    const base = 'Ideen:\n- mehr Grün\n';
    const mine = 'Ideen:\n- mehr Grün\n- Radwege\n';
    const theirs = 'Ideen und Fragen:\n- mehr Grün\n';
    expect(mergeText(base, mine, theirs)).toBe('Ideen und Fragen:\n- mehr Grün\n- Radwege\n');
  });

  it('takes the other side when one side did not change', () => {
    expect(mergeText('a', 'a', 'b')).toBe('b');
    expect(mergeText('a', 'b', 'a')).toBe('b');
  });

  it('appends an insertion whose place vanished instead of dropping it', () => {
    const merged = mergeText('The quick brown fox', 'The quick brown fox jumps', 'Something else entirely');
    expect(merged).toContain('Something else entirely');
    expect(merged).toContain('jumps');
  });
});

describe('mapPosition', () => {
  it('moves a caret behind text inserted before it and keeps it before text inserted after it', () => {
    expect(mapPosition('hello world', 'oh hello world', 5)).toBe(8);
    expect(mapPosition('hello world', 'hello world!!', 5)).toBe(5);
  });
});
