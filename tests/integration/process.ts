/**
 * The real server as a child process (`node --import tsx server/main.ts`), for tests that kill it hard and
 * start it again on the same data. Each call of `serverProcesses` owns one DATA_DIR; its afterAll kills
 * whatever is still running and removes the directory.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll } from 'vitest';
import { databaseEnv, dropDatabase } from './database.js';

const root = resolve(import.meta.dirname, '../..');

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  /** Everything the process printed so far (stdout and stderr). */
  output: () => string;
  /** Sends the signal and resolves once the process has exited. */
  kill(signal: NodeJS.Signals): Promise<void>;
}

/**
 * `runtime: 'dist'` runs the compiled server (`node dist/node/server/main.js`, what `npm start` runs);
 * the caller builds it first (buildServer).
 */
export function serverProcesses(prefix: string, opts: { runtime?: 'tsx' | 'dist' } = {}): { dataDir: string; start(): Promise<ServerProcess> } {
  const dataDir = mkdtempSync(join(tmpdir(), prefix));
  const children: ChildProcess[] = [];
  afterAll(async () => {
    const exits = children.filter((c) => c.exitCode === null && c.signalCode === null).map((c) => new Promise((r) => c.once('exit', r)));
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    await Promise.all(exits);
    rmSync(dataDir, { recursive: true, force: true });
    await dropDatabase(dataDir);
  });
  return {
    dataDir,
    start() {
      const entry = opts.runtime === 'dist' ? ['dist/node/server/main.js'] : ['--import', 'tsx', 'server/main.ts'];
      const child = spawn(process.execPath, entry, {
        cwd: root,
        env: { ...process.env, PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'warn', DATABASE_URL: '', ...databaseEnv(dataDir) },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      children.push(child);
      let output = '';
      const kill = (signal: NodeJS.Signals) => {
        if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
        const exited = new Promise<void>((r) => child.once('exit', () => r()));
        child.kill(signal);
        return exited;
      };
      return new Promise((resolveStart, reject) => {
        const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 20_000);
        const onData = (chunk: Buffer) => {
          output += chunk.toString();
          const match = /Plenum listening on (http:\/\/\S+)/.exec(output);
          if (match?.[1]) {
            clearTimeout(timer);
            // Give the setup line (printed right after) a moment to arrive.
            setTimeout(() => resolveStart({ child, url: match[1]!, output: () => output, kill }), 50);
          }
        };
        child.stdout!.on('data', onData);
        child.stderr!.on('data', onData);
        child.once('exit', (code) => {
          clearTimeout(timer);
          reject(new Error(`server exited with ${code}:\n${output}`));
        });
      });
    },
  };
}

/** Compiles the server to dist/node (scripts/build-server.mjs, under a second). */
export function buildServer(): Promise<void> {
  return new Promise((resolveBuild, reject) => {
    const child = spawn(process.execPath, ['scripts/build-server.mjs'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout!.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr!.on('data', (b: Buffer) => (out += b.toString()));
    child.once('exit', (code) => (code === 0 ? resolveBuild() : reject(new Error(`build-server failed (${code}):\n${out}`))));
  });
}
