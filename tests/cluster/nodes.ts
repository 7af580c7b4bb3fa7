/**
 * A cluster of Plenum nodes for the cluster tests: separate processes (`node --import tsx server/main.ts`)
 * on one PostgreSQL schema and one Redis channel prefix of their own, each on a free port. The first node
 * migrates alone; the others start together. `cleanup()` kills what runs and drops the schema.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';

const root = resolve(import.meta.dirname, '../..');
export const databaseUrl = process.env.PLENUM_TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
export const redisUrl = process.env.PLENUM_TEST_REDIS_URL || 'redis://127.0.0.1:6379';

export interface Node {
  name: string;
  child: ChildProcess;
  url: string;
  output: () => string;
  alive: () => boolean;
  kill(signal: NodeJS.Signals): Promise<void>;
}

export class Cluster {
  readonly id = randomBytes(5).toString('hex');
  readonly schema = `plenum_cluster_${this.id}`;
  readonly nodes: Node[] = [];
  private readonly dataDir = mkdtempSync(join(tmpdir(), 'plenum-cluster-'));

  /** `extra` overrides the environment of every node. */
  constructor(private readonly extra: Record<string, string> = {}) {}

  env(): Record<string, string> {
    return {
      PORT: '0',
      DATA_DIR: this.dataDir,
      LOG_LEVEL: 'warn',
      DATABASE_URL: databaseUrl,
      PG_SCHEMA: this.schema,
      PG_POOL_SIZE: '6',
      REDIS_URL: redisUrl,
      REDIS_PREFIX: `plenum_test_${this.id}`,
      // The test's attendees all come from 127.0.0.1.
      JOIN_LIMIT_PER_MINUTE: '100000',
      ...this.extra,
    };
  }

  async start(count: number): Promise<Node[]> {
    const first = await this.startNode(`n${this.nodes.length + 1}`);
    const rest = await Promise.all(Array.from({ length: count - 1 }, (_, i) => this.startNode(`n${this.nodes.length + i + 1}`)));
    return [first, ...rest];
  }

  startNode(name: string): Promise<Node> {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      cwd: root,
      env: { ...process.env, ...this.env() },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const alive = () => child.exitCode === null && child.signalCode === null;
    const kill = (signal: NodeJS.Signals) => {
      if (!alive()) return Promise.resolve();
      const exited = new Promise<void>((r) => child.once('exit', () => r()));
      child.kill(signal);
      return exited;
    };
    return new Promise((resolveStart, reject) => {
      const timer = setTimeout(() => reject(new Error(`${name} did not start:\n${output}`)), 30_000);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const match = /Plenum listening on (http:\/\/\S+)/.exec(output);
        if (match?.[1] && !this.nodes.some((n) => n.child === child)) {
          clearTimeout(timer);
          const node: Node = { name, child, url: match[1], output: () => output, alive, kill };
          this.nodes.push(node);
          setTimeout(() => resolveStart(node), 100);
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`${name} exited with ${code}:\n${output}`));
      });
    });
  }

  /** Reads from the cluster's schema directly (what is committed). */
  async query<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
    const client = new pg.Client({ connectionString: databaseUrl, options: `-c search_path=${this.schema}` });
    await client.connect();
    try {
      return (await client.query<T>(text, values)).rows;
    } finally {
      await client.end();
    }
  }

  async cleanup(): Promise<void> {
    await Promise.all(this.nodes.map((n) => n.kill('SIGKILL')));
    rmSync(this.dataDir, { recursive: true, force: true });
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      await client.query(`DROP SCHEMA IF EXISTS "${this.schema}" CASCADE`);
    } finally {
      await client.end();
    }
  }
}
