#!/usr/bin/env node
/**
 * `npm run test:cluster`: (1) the whole integration suite against PostgreSQL (one schema per test server,
 * dropped afterwards), (2) the cluster tests (tests/cluster: several nodes on PostgreSQL + Redis).
 * Needs PostgreSQL (PLENUM_TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test) and Redis
 * (PLENUM_TEST_REDIS_URL, default redis://127.0.0.1:6379). When either cannot be reached it says so and
 * exits 0 without running anything, so a machine without them can still run `.ci/run`;
 * PLENUM_CLUSTER_REQUIRED=1 turns that into a failure. Arguments go to both vitest runs.
 */
import { spawnSync } from 'node:child_process';
import { connect } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const databaseUrl = process.env.PLENUM_TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const redisUrl = process.env.PLENUM_TEST_REDIS_URL || 'redis://127.0.0.1:6379';

function reachable(url, defaultPort) {
  const { hostname, port } = new URL(url);
  return new Promise((done) => {
    const socket = connect({ host: hostname || '127.0.0.1', port: Number(port || defaultPort) });
    const finish = (ok) => {
      socket.destroy();
      done(ok);
    };
    socket.setTimeout(2000, () => finish(false));
    socket.once('connect', () => finish(true));
    socket.once('error', () => finish(false));
  });
}

const missing = [];
if (!(await reachable(databaseUrl, 5432))) missing.push(`PostgreSQL (${new URL(databaseUrl).host})`);
if (!(await reachable(redisUrl, 6379))) missing.push(`Redis (${new URL(redisUrl).host})`);
if (missing.length) {
  const message = `test:cluster SKIPPED: cannot reach ${missing.join(' and ')}. Set PLENUM_TEST_DATABASE_URL / PLENUM_TEST_REDIS_URL.`;
  console.log(message);
  process.exit(process.env.PLENUM_CLUSTER_REQUIRED === '1' ? 1 : 0);
}

const env = { ...process.env, PLENUM_TEST_DATABASE_URL: databaseUrl, PLENUM_TEST_REDIS_URL: redisUrl };
const args = process.argv.slice(2);
const vitest = resolve(root, 'node_modules/vitest/vitest.mjs');
const runs = [
  ['integration suite on PostgreSQL', ['run', '--project', 'node', 'tests/integration', ...args]],
  ['cluster: 3 nodes on PostgreSQL + Redis', ['run', '-c', 'tests/cluster/vitest.config.ts', ...args]],
];
for (const [what, argv] of runs) {
  console.log(`\n=== test:cluster — ${what}`);
  const r = spawnSync(process.execPath, [vitest, ...argv], { cwd: root, env, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
