/**
 * What the attendee page loads when it opens, module by module (`npx tsx bench/bundle/attendee.ts`).
 *
 * Builds the client in production mode into a temporary folder (as tests/budget/attendee-js.test.ts does),
 * takes the first-load chunks from the Vite manifest (the entry with its imports, the attendee panels it
 * loads right away and the larger language's catalogue chunk), and prints the gzipped size of each chunk and of the modules in them, grouped by package
 * (node_modules) or by client/shared folder. A module's share is its rendered code gzipped alone, scaled so
 * that the shares of a chunk add up to the chunk's gzipped size (gzip shares its dictionary across modules,
 * so a module alone compresses worse than inside its chunk).
 *
 *   npx tsx bench/bundle/attendee.ts            # by package / folder
 *   npx tsx bench/bundle/attendee.ts --modules  # every module (largest first)
 *   npx tsx bench/bundle/attendee.ts --why zod  # which first-load modules pull a package or file in (import chains)
 *   npx tsx bench/bundle/attendee.ts --json FILE
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Plugin } from 'vite';

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

/** The same selection as tests/budget/attendee-js.test.ts. */
const ATTENDEE = /^(_attendee-|[^/]+\/attendee\/)/;
const LANGUAGE = /^_i18n-(de|en)-/;

const root = resolve(import.meta.dirname, '../..');
const args = process.argv.slice(2);
const perModule = args.includes('--modules');
const jsonAt = args.indexOf('--json');
const jsonFile = jsonAt >= 0 ? args[jsonAt + 1] : undefined;
const whyAt = args.indexOf('--why');
const why = whyAt >= 0 ? args[whyAt + 1] : undefined;

const gz = (s: string | Uint8Array) => gzipSync(s, { level: 9 }).length;

/** file name → module id → rendered code, from the bundle Rolldown hands to generateBundle. */
const modulesByFile = new Map<string, Map<string, string>>();
/** module id → the modules that import it statically (for --why). */
const importers = new Map<string, readonly string[]>();
const collect: Plugin = {
  name: 'plenum-bundle-modules',
  generateBundle(_options, bundle) {
    for (const id of this.getModuleIds()) importers.set(id, this.getModuleInfo(id)?.importers ?? []);
    for (const [fileName, out] of Object.entries(bundle)) {
      if (out.type !== 'chunk') continue;
      const mods = new Map<string, string>();
      for (const [id, m] of Object.entries(out.modules)) mods.set(id, m.code ?? '');
      modulesByFile.set(fileName, mods);
    }
  },
};

/** node_modules/<pkg> (scoped too), or the client/shared folder of a source module. */
function groupOf(id: string): string {
  const clean = id.replace(/^\0/, '').replace(/\?.*$/, '');
  const nm = clean.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = clean.slice(nm + 'node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  if (!clean.startsWith('/')) return clean;
  const rel = relative(root, clean).split('/');
  if (rel[0] === 'client' || rel[0] === 'shared') return rel.length > 2 ? `${rel[0]}/${rel[1]}/` : `${rel[0]}/*`;
  return rel.slice(0, 2).join('/');
}

const outDir = mkdtempSync(join(tmpdir(), 'plenum-bundle-'));
try {
  process.env.NODE_ENV = 'production';
  await build({
    root: join(root, 'client'),
    configFile: join(root, 'vite.config.ts'),
    mode: 'production',
    logLevel: 'silent',
    plugins: [collect],
    build: { outDir, emptyOutDir: true, sourcemap: false, manifest: true },
  });
  const manifest = JSON.parse(readFileSync(join(outDir, '.vite/manifest.json'), 'utf8')) as Manifest;
  const entry = Object.keys(manifest).find((k) => manifest[k]!.isEntry)!;
  const dynamic = manifest[entry]!.dynamicImports ?? [];
  const panels = dynamic.filter((k) => ATTENDEE.test(k));
  const seen = new Set<string>();
  const walk = (k: string) => {
    if (seen.has(k) || !manifest[k]) return;
    seen.add(k);
    for (const i of manifest[k]!.imports ?? []) walk(i);
  };
  [entry, ...panels].forEach(walk);
  // The catalogues of the page's language (one chunk per language): the larger one, as the budget test counts.
  const languages = dynamic.filter((k) => LANGUAGE.test(k) && !seen.has(k));
  const sizeOf = (k: string) => gz(readFileSync(join(outDir, manifest[k]!.file)));
  const largest = languages.sort((a, b) => sizeOf(b) - sizeOf(a))[0];
  if (largest) walk(largest);

  const chunks: { key: string; file: string; kb: number; rawKb: number }[] = [];
  const modules: { id: string; group: string; chunk: string; kb: number; rawKb: number }[] = [];
  for (const key of seen) {
    const file = manifest[key]!.file;
    const code = readFileSync(join(outDir, file));
    const chunkGz = gz(code);
    chunks.push({ key, file, kb: chunkGz / 1024, rawKb: code.length / 1024 });
    const mods = [...(modulesByFile.get(file) ?? new Map<string, string>())].filter(([, c]) => c.length > 0);
    const alone = mods.map(([id, c]) => ({ id, raw: Buffer.byteLength(c), gz: gz(c) }));
    const sum = alone.reduce((s, m) => s + m.gz, 0) || 1;
    for (const m of alone) modules.push({ id: m.id, group: groupOf(m.id), chunk: file, kb: (m.gz * chunkGz) / sum / 1024, rawKb: m.raw / 1024 });
    if (process.env.DUMP_MODULES) for (const [id, c] of mods) writeFileSync(join(process.env.DUMP_MODULES, relative(root, id).replace(/[/\0]/g, '_')), c);
  }

  const total = chunks.reduce((s, c) => s + c.kb, 0);
  console.log(`attendee page, first load: ${total.toFixed(1)} KB gzipped in ${chunks.length} chunks\n`);
  console.log('chunk'.padEnd(50), 'gz KB'.padStart(8), 'raw KB'.padStart(8));
  for (const c of chunks.sort((a, b) => b.kb - a.kb)) console.log(c.file.padEnd(50), c.kb.toFixed(1).padStart(8), c.rawKb.toFixed(1).padStart(8));

  const groups = new Map<string, { kb: number; rawKb: number; n: number }>();
  for (const m of modules) {
    const g = groups.get(m.group) ?? { kb: 0, rawKb: 0, n: 0 };
    g.kb += m.kb;
    g.rawKb += m.rawKb;
    g.n += 1;
    groups.set(m.group, g);
  }
  console.log(`\n${'package / folder'.padEnd(50)} ${'gz KB'.padStart(8)} ${'raw KB'.padStart(8)} ${'modules'.padStart(8)}`);
  for (const [name, g] of [...groups].sort((a, b) => b[1].kb - a[1].kb)) {
    console.log(name.padEnd(50), g.kb.toFixed(1).padStart(8), g.rawKb.toFixed(1).padStart(8), String(g.n).padStart(8));
  }
  if (perModule) {
    console.log(`\n${'module'.padEnd(90)} ${'gz KB'.padStart(8)} ${'raw KB'.padStart(8)}`);
    for (const m of modules.sort((a, b) => b.kb - a.kb)) {
      const name = m.id.startsWith('/') ? relative(root, m.id) : m.id;
      console.log(name.slice(-90).padEnd(90), m.kb.toFixed(2).padStart(8), m.rawKb.toFixed(1).padStart(8));
    }
  }
  if (why) {
    // The shortest static import chain from a source module of ours to each first-load module matching `why`.
    const inFirstLoad = new Set(chunks.flatMap((c) => [...(modulesByFile.get(c.file)?.keys() ?? [])]));
    const name = (id: string) => (id.startsWith('/') ? relative(root, id) : id);
    const targets = modules.filter((m) => name(m.id).includes(why));
    const reported = new Set<string>();
    console.log(`\nwhy ${why}:`);
    for (const t of targets) {
      // Walk importers up until a module outside node_modules that is not itself a target.
      let frontier: string[][] = [[t.id]];
      const visited = new Set([t.id]);
      let chain: string[] | undefined;
      while (frontier.length && !chain) {
        const next: string[][] = [];
        for (const path of frontier) {
          for (const imp of importers.get(path[0]!) ?? []) {
            // Re-export-only modules of packages render no code and may be missing from the chunk's list.
            if (visited.has(imp) || (!inFirstLoad.has(imp) && !imp.includes('node_modules'))) continue;
            visited.add(imp);
            const p = [imp, ...path];
            if (!imp.includes('node_modules') && !name(imp).includes(why)) {
              chain = p;
              break;
            }
            next.push(p);
          }
          if (chain) break;
        }
        frontier = next;
      }
      const line = chain ? chain.map(name).join(' → ') : `${name(t.id)} (no importer outside)`;
      const key = chain ? name(chain[0]!) + ' → ' + name(chain[1]!) : line;
      if (reported.has(key)) continue;
      reported.add(key);
      console.log(' ', line);
    }
  }
  if (jsonFile) {
    writeFileSync(jsonFile, JSON.stringify({ totalKb: total, chunks, groups: Object.fromEntries(groups), modules }, null, 2));
  }
} finally {
  rmSync(outDir, { recursive: true, force: true });
}
