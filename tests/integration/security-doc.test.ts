/** docs/security.md: every test it names exists, and its figures table has a row for each suite of issue 12. */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const doc = readFileSync(resolve(root, 'docs/security.md'), 'utf8');

describe('docs/security.md', () => {
  it('names only test files that exist', () => {
    const named = [...new Set(doc.match(/tests\/[\w/.-]+\.test\.ts/g) ?? [])];
    expect(named.length).toBeGreaterThanOrEqual(3);
    for (const file of named) expect(existsSync(resolve(root, file)), file).toBe(true);
  });

  it('has a figures row for each of the six suites', () => {
    const figures = doc.slice(doc.indexOf('## Figures'));
    for (const n of [1, 2, 3, 4, 5, 6]) expect(figures, `suite ${n}`).toMatch(new RegExp(`^\\| ${n} `, 'm'));
  });
});
