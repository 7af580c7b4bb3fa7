/**
 * Starting and stopping what the benchmark measures: the bare Socket.IO baseline (copied out of the
 * read-only shared/ folder and installed once into a cache under /tmp) and a Plenum server on a temporary
 * data folder with an organizer, a session and an event. Every child is registered so the exit handlers
 * of run.ts can kill whatever is still running.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CreateEventBody, EventCreated } from '../../shared/api.js';
import { SERVER_NODE_FLAGS } from './core.js';
import type { z } from 'zod';

export const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const guard = fileURLToPath(new URL('./orphan-guard.ts', import.meta.url));
/** The same guard as plain JS, for the compiled server (which runs without tsx). */
const guardJs = fileURLToPath(new URL('./orphan-guard.mjs', import.meta.url));

const children = new Set<ChildProcess>();

/** Synchronous, for exit handlers: SIGKILL every child that is still running. */
export function killAllChildren(): void {
  for (const c of children) {
    if (c.exitCode === null && c.signalCode === null) {
      try {
        c.kill('SIGKILL');
      } catch {
        // already gone
      }
    }
  }
  children.clear();
}

/**
 * Runs node with the file-descriptor limit raised as far as allowed (thousands of sockets per process);
 * `exec` keeps the pid, so child.pid is the node process whose /proc the load generator reads.
 */
export function spawnNode(args: string[], opts: { cwd: string; env: NodeJS.ProcessEnv; ipc: boolean }): ChildProcess {
  const raise = 'ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null; exec "$0" "$@"';
  const child = spawn('/bin/sh', ['-c', raise, process.execPath, ...args], {
    cwd: opts.cwd,
    env: opts.env,
    stdio: opts.ipc ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

/**
 * Closing the IPC channel first (the baseline and the load generator exit on it, so a CPU profile gets
 * written), then SIGTERM, then SIGKILL if it has not exited within `graceMs`.
 */
export async function stopChild(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  if (child.connected) child.disconnect();
  const term = setTimeout(() => child.kill('SIGTERM'), Math.min(1000, graceMs));
  const kill = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(term);
  clearTimeout(kill);
}

/** Keeps the last lines of a child's output (for error messages) and counts warnings/errors. */
export class OutputTail {
  readonly lines: string[] = [];
  problems = 0;
  constructor(child: ChildProcess, private readonly keep = 40) {
    const onData = (buf: Buffer) => {
      for (const line of buf.toString('utf8').split('\n')) {
        if (!line.trim()) continue;
        // pino JSON: level 40 = warn, 50 = error, 60 = fatal.
        const level = /"level":(\d+)/.exec(line);
        if (level && Number(level[1]) >= 40 && !line.includes('setupLink')) this.problems++;
        this.lines.push(line);
        if (this.lines.length > this.keep) this.lines.shift();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
  }
  text(): string {
    return this.lines.join('\n');
  }
}

function waitFor<T>(child: ChildProcess, what: string, timeoutMs: number, test: (resolve: (v: T) => void) => () => void, tail?: OutputTail): Promise<T> {
  return new Promise<T>((resolvePromise, reject) => {
    let cleanup = () => {};
    const t = setTimeout(() => {
      cleanup();
      reject(new Error(`${what}: not ready after ${timeoutMs} ms\n${tail?.text() ?? ''}`));
    }, timeoutMs);
    const onExit = (code: number | null) => {
      clearTimeout(t);
      cleanup();
      reject(new Error(`${what} exited early (code ${code})\n${tail?.text() ?? ''}`));
    };
    child.once('exit', onExit);
    const undo = test((v) => {
      clearTimeout(t);
      cleanup();
      resolvePromise(v);
    });
    cleanup = () => {
      undo();
      child.off('exit', onExit);
    };
  });
}

async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.once('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => res(port));
    });
  });
}

function makeWritable(path: string): void {
  const st = statSync(path);
  chmodSync(path, st.mode | 0o200);
  if (st.isDirectory()) for (const e of readdirSync(path)) makeWritable(join(path, e));
}

function run(cmd: string, args: string[], cwd: string, timeoutMs: number, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  return new Promise((res, rej) => {
    execFile(cmd, args, { cwd, env, timeout: timeoutMs, maxBuffer: 8 << 20 }, (err, stdout, stderr) => {
      if (err) rej(new Error(`${cmd} ${args.join(' ')} failed: ${err.message}\n${stdout}\n${stderr}`));
      else res(stdout);
    });
  });
}

// ---------------------------------------------------------------- baseline

/**
 * shared/ is read-only (also in CI): copy the baseline out and `npm ci` it once; the copy is cached under
 * the temp folder, keyed by the baseline's own files, so reruns start at once.
 */
export async function ensureBaseline(src = resolve(repoRoot, '../shared/bench-baseline')): Promise<string> {
  if (!existsSync(join(src, 'server.js'))) throw new Error(`baseline not found at ${src}`);
  const hash = createHash('sha256');
  for (const f of ['package-lock.json', 'server.js']) hash.update(readFileSync(join(src, f)));
  const dir = join(tmpdir(), `plenum-qa-baseline-${hash.digest('hex').slice(0, 12)}`);
  if (existsSync(join(dir, 'node_modules', '.package-lock.json'))) return dir;
  const work = `${dir}.tmp-${process.pid}`;
  rmSync(work, { recursive: true, force: true });
  cpSync(src, work, { recursive: true });
  makeWritable(work);
  rmSync(join(work, 'node_modules'), { recursive: true, force: true });
  process.stderr.write(`  installing the baseline into ${dir} (npm ci, once)\n`);
  await run('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], work, 180_000);
  try {
    renameSync(work, dir);
  } catch {
    // Another run finished the same install first: use that one.
    rmSync(work, { recursive: true, force: true });
    if (!existsSync(join(dir, 'node_modules', '.package-lock.json'))) throw new Error(`baseline install at ${dir} is incomplete`);
  }
  return dir;
}

export interface Running {
  child: ChildProcess;
  pid: number;
  url: string;
  tail: OutputTail;
}

/**
 * `--cpu-prof` arguments writing into `dir/name/` when the process exits normally (one file per thread:
 * tsx's module-loader thread writes its own, the main thread's is the larger one).
 */
function profArgs(dir: string | undefined, name: string): string[] {
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${join(dir, name)}`] : [];
}

export async function startBaseline(dir: string, cpuProfDir?: string, mode: 'batch' | 'plain' = 'batch'): Promise<Running> {
  const port = await freePort();
  const child = spawnNode([...profArgs(cpuProfDir, `baseline-${mode}`), join(dir, 'server.js')], { cwd: dir, env: { ...process.env, MODE: mode, TICK_MS: '50', PORT: String(port) }, ipc: true });
  const tail = new OutputTail(child);
  await waitFor<void>(
    child,
    'baseline server',
    15_000,
    (done) => {
      const h = (m: { ev?: string }) => m.ev === 'listening' && done();
      child.on('message', h);
      return () => child.off('message', h);
    },
    tail,
  );
  return { child, pid: child.pid!, url: `http://127.0.0.1:${port}`, tail };
}

// ---------------------------------------------------------------- plenum

export interface PlenumRunning extends Running {
  dataDir: string;
  eventId: string;
  code: string;
  /** The event's links (moderator and stage tokens) and the organizer's session cookie. */
  links: z.infer<typeof EventCreated>['links'];
  cookie: string;
}

async function api<T>(url: string, path: string, body: unknown, cookie?: string): Promise<{ status: number; body: T; headers: Headers }> {
  const res = await fetch(url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
  return { status: res.status, body: (await res.json()) as T, headers: res.headers };
}

/** Plenum on a random loopback port with a fresh data folder, an organizer and an open event (no pre-moderation). */
const DATA_PREFIX = 'plenum-qa-data-';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Data folders of earlier runs that were killed before they could clean up (their pid is in the name). */
export function removeStaleDataDirs(): void {
  for (const name of readdirSync(tmpdir())) {
    const pid = Number(/^plenum-qa-data-(\d+)-/.exec(name)?.[1]);
    if (pid && pid !== process.pid && !alive(pid)) rmSync(join(tmpdir(), name), { recursive: true, force: true });
  }
}

/** Compiles the client and the server once (`npm run build`): what `npm start` runs in production. */
export async function buildProduction(): Promise<void> {
  await run('npm', ['run', '--silent', 'build'], repoRoot, 300_000);
}

export interface StartPlenumOptions {
  /** `dist`: the compiled server (`node dist/node/server/main.js`, after buildProduction); `tsx`: the sources. */
  runtime?: 'dist' | 'tsx';
  /** Reuse a data folder (a second node of the same database); default a fresh temporary one. */
  dataDir?: string;
  /** Skip the organizer and the event (a further node of a cluster). */
  bare?: boolean;
}

export async function startPlenum(cpuProfDir?: string, extraEnv: NodeJS.ProcessEnv = {}, opts: StartPlenumOptions = {}): Promise<PlenumRunning> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), `${DATA_PREFIX}${process.pid}-`));
  const env = { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...extraEnv };
  const entry = opts.runtime === 'dist' ? [...SERVER_NODE_FLAGS, '--import', guardJs, 'dist/node/server/main.js'] : ['--import', 'tsx', '--import', guard, 'server/main.ts'];
  // PLENUM_NODE_FLAGS: extra node flags for the Plenum server only (e.g. GC settings to measure).
  const nodeFlags = (process.env.PLENUM_NODE_FLAGS ?? '').split(/\s+/).filter(Boolean);
  const child = spawnNode([...nodeFlags, ...profArgs(cpuProfDir, 'plenum'), ...entry], { cwd: repoRoot, env, ipc: true });
  const tail = new OutputTail(child);
  const port = await waitFor<number>(
    child,
    'plenum server',
    60_000,
    (done) => {
      let buf = '';
      const h = (b: Buffer) => {
        buf += b.toString('utf8');
        const m = /Plenum listening on https?:\/\/[^:\s]+:(\d+)/.exec(buf);
        if (m) done(Number(m[1]));
      };
      child.stdout!.on('data', h);
      return () => child.stdout!.off('data', h);
    },
    tail,
  );
  const url = `http://127.0.0.1:${port}`;
  const running = { child, pid: child.pid!, url, tail, dataDir };
  if (opts.bare) return { ...running, eventId: '', code: '', links: { moderator: '', facilitator: '', stage: '' } as PlenumRunning['links'], cookie: '' };

  const email = 'bench@example.org';
  const password = `bench-${process.pid}-${Date.now()}`;
  await run(process.execPath, ['--import', 'tsx', 'server/cli/main.ts', 'organizer', 'add', '--email', email, '--password', password], repoRoot, 60_000, env);
  const login = await api<unknown>(url, '/api/auth/login', { email, password });
  const cookie = /plenum_session=[^;]+/.exec(login.headers.get('set-cookie') ?? '')?.[0];
  if (login.status !== 200 || !cookie) throw new Error(`login failed: HTTP ${login.status} ${JSON.stringify(login.body)}`);
  const body: CreateEventBody = {
    title: 'Q&A fan-out benchmark',
    format: 'broadcast',
    language: 'de',
    settings: { qa: { open: true, premoderation: false } },
  };
  const created = await api<z.infer<typeof EventCreated>>(url, '/api/events', body, cookie);
  if (created.status !== 201) throw new Error(`create event failed: HTTP ${created.status} ${JSON.stringify(created.body)}`);
  return { ...running, eventId: created.body.id, code: created.body.code, links: created.body.links, cookie };
}
