import { describe, expect, it } from 'vitest';
import { group, round } from '../../testing/fixtures.js';
import { resultsCsv, resultsMarkdown } from './export.js';

const labels = { round: 'Runde 2', group: 'Gruppe', topic: 'Thema', members: 'Mitglieder', result: 'Ergebnis', noResult: 'kein Ergebnis' };
const r = round('r1', {
  number: 2,
  status: 'closed',
  groups: [
    group(0, [['a', 'Ada'], ['b', 'Ben']], { name: 'Rot', topic: 'Verkehr', result: 'Radwege, "sicher"\nmehr Busse' }),
    group(1, [['c', 'Cem']], { name: 'Blau', result: '=SUMME(1)' }),
    group(2, [], { name: 'Grün' }),
  ],
});

describe('results export', () => {
  it('Markdown: one section per group with topic, members and result', () => {
    const md = resultsMarkdown(r, labels);
    expect(md).toContain('# Runde 2');
    expect(md).toContain('## Rot\n\n**Thema:** Verkehr\n\n**Mitglieder:** Ada, Ben\n\nRadwege, "sicher"\nmehr Busse');
    expect(md).toContain('## Grün\n\n**Mitglieder:** –\n\n_kein Ergebnis_');
  });

  it('CSV: a header and one quoted row per group; quotes doubled, formulas defused', () => {
    const csv = resultsCsv(r, labels);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('"Gruppe","Thema","Mitglieder","Ergebnis"');
    expect(csv).toContain('"Rot","Verkehr","Ada, Ben","Radwege, ""sicher""\nmehr Busse"');
    expect(csv).toContain(`"Blau","","Cem","'=SUMME(1)"`);
    expect(csv.endsWith('\r\n')).toBe(true);
  });
});
