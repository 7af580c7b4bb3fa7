/**
 * Compiles the server (server/ and shared/, tests left out) to plain ES modules in dist/node, one file per
 * source file, so `npm start` runs node without the tsx loader. Types are checked by `npm run typecheck`;
 * this only strips them.
 */
import { build } from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = join(root, 'dist/node');

function sources(dir) {
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...sources(p));
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && !e.name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

const entryPoints = [...sources(join(root, 'server')), ...sources(join(root, 'shared'))].filter((p) => !relative(root, p).startsWith('server/testing'));
rmSync(outdir, { recursive: true, force: true });
await build({ entryPoints, outdir, outbase: root, platform: 'node', format: 'esm', target: 'node20', sourcemap: true, logLevel: 'warning' });
console.log(`compiled ${entryPoints.length} files to ${relative(root, outdir)}/`);
