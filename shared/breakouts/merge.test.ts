import { describe, expect, it } from 'vitest';
import { mergeText } from './merge.js';

/** Replays edits the way the server sees them: each author sends full text + the version they started from. */
function server(initial = '') {
  const versions = [initial];
  return {
    get current() {
      return versions.at(-1)!;
    },
    get version() {
      return versions.length - 1;
    },
    edit(baseVersion: number, text: string) {
      const merged = mergeText(versions[baseVersion]!, text, versions.at(-1)!);
      versions.push(merged);
      return merged;
    },
  };
}

describe('three-way merge of group results', () => {
  it('takes the edit as is when nobody saved in between', () => {
    expect(mergeText('Hallo', 'Hallo Welt', 'Hallo')).toBe('Hallo Welt');
    expect(mergeText('Hallo', 'Hallo', 'Hallo Welt')).toBe('Hallo Welt');
  });

  it('two people typing at different places from the same base: both survive', () => {
    const base = 'Ideen:\n- erstens\n- zweitens\n';
    const s = server(base);
    s.edit(0, 'Ideen:\n- erstens, mit Detail von Anna\n- zweitens\n');
    const merged = s.edit(0, 'Ideen:\n- erstens\n- zweitens\n- drittens von Ben\n');
    expect(merged).toBe('Ideen:\n- erstens, mit Detail von Anna\n- zweitens\n- drittens von Ben\n');
  });

  it('concurrent inserts at the same place keep both texts', () => {
    const merged = mergeText('Fazit: ', 'Fazit: Anna findet A gut.', 'Fazit: Ben findet B gut.');
    expect(merged).toContain('Anna findet A gut.');
    expect(merged).toContain('Ben findet B gut.');
    expect(merged.startsWith('Fazit: ')).toBe(true);
    // Both typed into an empty text.
    const empty = mergeText('', 'Anna', 'Ben');
    expect(empty).toContain('Anna');
    expect(empty).toContain('Ben');
  });

  it('a delete and an insert elsewhere both apply; a delete of text the other changed keeps the new text', () => {
    expect(mergeText('eins zwei drei', 'eins drei', 'eins zwei drei vier')).toBe('eins drei vier');
    const merged = mergeText('alpha beta gamma', 'alpha gamma', 'alpha beta gamma delta');
    expect(merged).toBe('alpha gamma delta');
    // Both deleted the same word: it is gone once, nothing else is touched.
    expect(mergeText('a b c d', 'a c d', 'a c d')).toBe('a c d');
  });

  it('an edit on a base several versions old still lands in the right place', () => {
    const s = server('Ergebnis der Gruppe\n\nPunkt A\nPunkt B\nPunkt C\n');
    const stale = s.version; // Carla starts typing here and is slow
    s.edit(s.version, 'Ergebnis der Gruppe\n\nPunkt A – von Anna ergänzt\nPunkt B\nPunkt C\n');
    s.edit(s.version, 'Ergebnis der Gruppe\n\nPunkt A – von Anna ergänzt\nPunkt B\nPunkt C\nPunkt D von Ben\n');
    s.edit(s.version, 'Ergebnis der Gruppe (Team Blau)\n\nPunkt A – von Anna ergänzt\nPunkt B\nPunkt C\nPunkt D von Ben\n');
    const merged = s.edit(stale, 'Ergebnis der Gruppe\n\nPunkt A\nPunkt B ist wichtig, sagt Carla\nPunkt C\n');
    expect(merged).toBe('Ergebnis der Gruppe (Team Blau)\n\nPunkt A – von Anna ergänzt\nPunkt B ist wichtig, sagt Carla\nPunkt C\nPunkt D von Ben\n');
  });

  it('when a hunk cannot be placed, its text is appended instead of lost', () => {
    // Someone replaced everything; the stale edit's context no longer exists anywhere.
    const merged = mergeText('aaaa bbbb cccc dddd', 'aaaa bbbb XYZ-neu cccc dddd', 'völlig anderer Text, komplett neu geschrieben');
    expect(merged).toContain('völlig anderer Text');
    expect(merged).toContain('XYZ-neu');
  });

  it('many authors, each appending to the text they saw (often stale), lose nothing', () => {
    const seen: string[] = [''];
    const s = server('');
    const words = ['Apfel', 'Birne', 'Kirsche', 'Dattel', 'Erdbeere', 'Feige', 'Guave'];
    for (const [i, w] of words.entries()) {
      // Every other author started three versions ago.
      const from = i % 2 === 0 ? s.version : Math.max(0, s.version - 3);
      seen.push(s.edit(from, `${seen[from]}${w}\n`));
    }
    for (const w of words) expect(s.current).toContain(w);
    expect(s.current.split('\n').filter(Boolean)).toHaveLength(words.length);
  });
});

describe('concurrent insertions at the same place', () => {
  it('two members typing into the empty field: the later save first, the saved text on its own line after it', () => {
    const s = server('');
    s.edit(0, 'Idee von A: Förderberatung');
    expect(s.edit(0, 'Idee von B: KI-Sprechstunde')).toBe('Idee von B: KI-Sprechstunde\nIdee von A: Förderberatung');
    // The other order of arrival gives the other order, still separated.
    expect(mergeText('', 'Idee von A: Förderberatung', 'Idee von B: KI-Sprechstunde')).toBe('Idee von A: Förderberatung\nIdee von B: KI-Sprechstunde');
  });

  it('both appending to the end of the same text are separated by a line break', () => {
    expect(mergeText('Fazit: ', 'Fazit: Anna findet A gut.', 'Fazit: Ben findet B gut.')).toBe('Fazit: Anna findet A gut.\nBen findet B gut.');
    expect(mergeText('Ideen:\n- eins', 'Ideen:\n- eins, zwei', 'Ideen:\n- eins und drei')).toBe('Ideen:\n- eins, zwei\n und drei');
  });

  it('adds no second line break when one already separates the two at the junction', () => {
    expect(mergeText('Liste:\n', 'Liste:\n- Anna\n', 'Liste:\n- Ben\n')).toBe('Liste:\n- Anna\n- Ben\n');
    expect(mergeText('Liste:', 'Liste: Ben', 'Liste:\n- Anna')).toBe('Liste: Ben\n- Anna');
    // Someone still typing at the end of their line while another member's new line arrives keeps typing there.
    expect(mergeText('Idee von A', 'Idee von A!', 'Idee von A\nIdee von B')).toBe('Idee von A!\nIdee von B');
  });

  it('inserts at different places are combined without a line break', () => {
    expect(mergeText('Wir wollen Radwege und Bäume.', 'Wir wollen mehr Radwege und Bäume.', 'Wir wollen Radwege und neue Bäume.')).toBe(
      'Wir wollen mehr Radwege und neue Bäume.',
    );
    expect(mergeText('abc', 'Xabc', 'abcY')).toBe('XabcY');
  });

  it('a deletion on one side and an insertion elsewhere on the other both apply, with no line break', () => {
    expect(mergeText('Punkt A\nPunkt B\nPunkt C\n', 'Punkt A\nPunkt C\n', 'Punkt A\nPunkt B\nPunkt C\nPunkt D\n')).toBe('Punkt A\nPunkt C\nPunkt D\n');
    expect(mergeText('eins zwei drei', 'Null eins zwei drei', 'eins drei')).toBe('Null eins drei');
  });

  it('the same insertion made by both appears once', () => {
    expect(mergeText('a b', 'a b X', 'Q a b X')).toBe('Q a b X');
  });
});

describe('mergeText, small cases', () => {
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
