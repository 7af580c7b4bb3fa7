/**
 * The client half of the boundary check (docs/kernel-contract.md): the kernel imports no feature and not
 * the registration list; a feature reaches another feature only through its index.ts; client and server
 * meet only in shared/.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clientFeatures } from '../features.js';

const root = join(import.meta.dirname, '..', '..');
const features = new Set<string>(clientFeatures.map((f) => f.name));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Every relative import (static, re-export or dynamic) of the client's non-test sources, as repo paths. */
const imports = files(join(root, 'client')).flatMap((file) => {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)'(\.[^']+)'/g)].map((m) => m[1]!);
  const from = relative(root, file);
  return specs.map((spec) => ({ from, to: normalize(join(dirname(from), spec)) }));
});
const folderOf = (path: string) => (path.startsWith('client/') ? (path.split('/')[1] ?? '') : '');

describe('client boundaries', () => {
  it('the kernel imports no feature folder and not the registration list', () => {
    const bad = imports.filter(({ from, to }) => folderOf(from) === 'kernel' && (features.has(folderOf(to)) || to === 'client/features.js'));
    expect(bad).toEqual([]);
  });

  it('a feature imports another feature only through its index.ts', () => {
    const bad = imports.filter(({ from, to }) => {
      const a = folderOf(from);
      const b = folderOf(to);
      return features.has(a) && features.has(b) && a !== b && to !== `client/${b}/index.js`;
    });
    expect(bad).toEqual([]);
  });

  it('client code meets the server only in shared/', () => {
    expect(imports.filter(({ to }) => to.startsWith('server/'))).toEqual([]);
  });
});
