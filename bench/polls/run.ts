/**
 * npm run bench:polls -- --attendees N --window S [--json FILE]
 *
 * Starts Plenum (bench/qa's startPlenum: server/main.ts on an empty temp database, an organizer and an
 * event via REST), joins N attendees over REST, connects them as lite Socket.IO clients (bench/qa/lite.ts,
 * frames counted, not parsed) plus one moderator and one stage client that parse their deltas. The
 * moderator creates and opens a single-choice poll; every attendee answers it once, spread evenly over S
 * seconds. It prints (and writes with --json)
 *   { attendees, answered, acked, tallied, stored, exact, lastAnswerToModeratorMs, lastAnswerToStageMs, serverRssMb }
 * where exact is true only if the final counts seen by the moderator and by the stage equal the answers in
 * the database and the number of acks. lastAnswerTo*Ms: from sending the last answer until that client
 * holds the final counts.
 */
import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import type { Delta } from '../../shared/socket.js';
import { PROTOCOL_VERSION } from '../../shared/version.js';
import { LiteClient, type Counters, type WsCtor } from '../qa/lite.js';
import { processRssBytes } from '../qa/proc.js';
import { killAllChildren, removeStaleDataDirs, startPlenum, stopChild } from '../qa/servers.js';
import { answerAt, isExact, parseArgs, total, type Counts } from './core.js';

const args = parseArgs(process.argv.slice(2));
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const counters: Counters = { eventFrames: 0, ackFrames: 0, disconnects: 0, lastRecv: 0 };
const OPTIONS = ['o1', 'o2', 'o3', 'o4'];

function tokenOf(link: string): string {
  return new URL(link).searchParams.get('token')!;
}

/** A parsing client (moderator, stage) that keeps the latest counts of one poll and when they arrived. */
class Watcher {
  counts: Counts | null = null;
  at = 0;
  pollId = '';
  client!: LiteClient;

  connect(url: string, auth: unknown): Promise<void> {
    return new Promise((resolve, reject) => {
      this.client = new LiteClient(WebSocket as unknown as WsCtor, { url, auth, parse: true, onEvent: (n, d, now) => this.onEvent(n, d, now) }, counters, (err) =>
        err ? reject(new Error(err)) : resolve(),
      );
    });
  }

  private onEvent(name: string, data: unknown, now: number): void {
    if (name !== 'sync:delta') return;
    for (const c of (data as Delta).changes) {
      if (c.type === 'polls:tallies') {
        const r = c.polls[this.pollId]?.results;
        if (r?.kind === 'choice') this.set(r.counts, now);
      } else if (c.type === 'polls:upsert' && c.poll.id === this.pollId && c.poll.results?.kind === 'choice') {
        this.set(c.poll.results.counts, now);
      }
    }
  }

  private set(counts: Counts, now: number): void {
    this.counts = counts;
    this.at = now;
  }

  request<T>(name: string, payload: unknown): Promise<T> {
    return new Promise((resolve, reject) =>
      this.client.request(name, payload, (res) => {
        const r = res as { ok: boolean; error?: unknown };
        if (r?.ok) resolve(r as T);
        else reject(new Error(`${name}: ${JSON.stringify(r)}`));
      }),
    );
  }
}

async function joinAll(url: string, code: string, n: number): Promise<string[]> {
  const tokens: string[] = new Array(n);
  let next = 0;
  const worker = async () => {
    while (next < n) {
      const i = next++;
      const res = await fetch(`${url}/api/join/${code}/attendees`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      if (res.status !== 201) throw new Error(`join ${i}: HTTP ${res.status} ${await res.text()}`);
      tokens[i] = ((await res.json()) as { token: string }).token;
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  return tokens;
}

async function connectAll(url: string, code: string, tokens: readonly string[]): Promise<LiteClient[]> {
  const clients: LiteClient[] = [];
  const WINDOW = 200;
  for (let i = 0; i < tokens.length; i += WINDOW) {
    await Promise.all(
      tokens.slice(i, i + WINDOW).map(
        (token) =>
          new Promise<void>((resolve, reject) => {
            const c = new LiteClient(WebSocket as unknown as WsCtor, { url, auth: { protocol: PROTOCOL_VERSION, code, token }, parse: false }, counters, (err) =>
              err ? reject(new Error(`connect: ${err}`)) : resolve(),
            );
            clients.push(c);
          }),
      ),
    );
  }
  return clients;
}

async function main(): Promise<void> {
  removeStaleDataDirs();
  const n = args.attendees;
  const windowMs = args.windowSec * 1000;
  process.stderr.write(`polls bench: ${n} attendees, window ${args.windowSec} s; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}\n`);
  // A venue (and this benchmark) joins everyone from one address: lift the per-address join limit.
  const server = await startPlenum(undefined, { JOIN_LIMIT_PER_MINUTE: String(Math.max(3000, n * 2)) });
  try {
    const t0 = performance.now();
    const tokens = await joinAll(server.url, server.code, n);
    process.stderr.write(`  joined ${n} in ${Math.round(performance.now() - t0)} ms\n`);
    const mod = new Watcher();
    const stage = new Watcher();
    await mod.connect(server.url, { protocol: PROTOCOL_VERSION, code: server.code, token: tokenOf(server.links.moderator) });
    await stage.connect(server.url, { protocol: PROTOCOL_VERSION, code: server.code, token: tokenOf(server.links.stage) });
    const t1 = performance.now();
    const clients = await connectAll(server.url, server.code, tokens);
    process.stderr.write(`  connected ${clients.length} in ${Math.round(performance.now() - t1)} ms\n`);

    const created = await mod.request<{ poll: { id: string } }>('polls:create', {
      definition: { type: 'single', question: 'Benchmark?', options: OPTIONS.map((id) => ({ id, text: `Option ${id}` })) },
    });
    const pollId = created.poll.id;
    mod.pollId = pollId;
    stage.pollId = pollId;
    await mod.request('polls:open', { id: pollId });
    await sleep(500);

    let acked = 0;
    let refused = 0;
    let lastSent = 0;
    const start = performance.now();
    await new Promise<void>((resolve) => {
      let i = 0;
      const tick = () => {
        const now = performance.now() - start;
        while (i < n && answerAt(i, n, windowMs) <= now) {
          const k = i++;
          clients[k]!.request('polls:answer', { pollId, answer: { type: 'single', optionId: OPTIONS[k % OPTIONS.length] } }, (res) => {
            if ((res as { ok: boolean }).ok) acked++;
            else refused++;
          });
          lastSent = performance.now();
        }
        if (i < n) setTimeout(tick, 5);
        else resolve();
      };
      tick();
    });
    const ackDeadline = performance.now() + 60_000;
    while (acked + refused < n && performance.now() < ackDeadline) await sleep(20);
    const lastAck = performance.now();
    // Wait until both watchers hold the final counts (or give up after 10 s).
    const finalDeadline = performance.now() + 10_000;
    while ((total(mod.counts) !== acked || total(stage.counts) !== acked) && performance.now() < finalDeadline) await sleep(10);

    const db = new Database(join(server.dataDir, 'plenum.db'), { readonly: true, fileMustExist: true });
    const rows = db.prepare('select answer from poll_answers where poll_id = ?').all(pollId) as { answer: string }[];
    db.close();
    const stored: Record<string, number> = Object.fromEntries(OPTIONS.map((o) => [o, 0]));
    for (const r of rows) {
      const a = JSON.parse(r.answer) as { optionId: string };
      stored[a.optionId] = (stored[a.optionId] ?? 0) + 1;
    }
    const result = {
      attendees: n,
      answered: n,
      acked,
      tallied: total(mod.counts),
      stored: rows.length,
      exact: isExact({ moderator: mod.counts, stage: stage.counts, stored, acked }),
      lastAnswerToModeratorMs: Math.round(mod.at - lastSent),
      lastAnswerToStageMs: Math.round(stage.at - lastSent),
      serverRssMb: Math.round(processRssBytes(server.pid) / 1e6),
    };
    process.stderr.write(
      `  answers sent over ${Math.round(lastSent - start)} ms; last ack ${Math.round(lastAck - lastSent)} ms after the last answer; refused ${refused}; stage tallied ${total(stage.counts)}; disconnects ${counters.disconnects}; load average now ${loadavg().map((l) => l.toFixed(2)).join(' ')}\n`,
    );
    console.log(JSON.stringify(result, null, 2));
    if (args.json) writeFileSync(args.json, JSON.stringify(result, null, 2) + '\n');
    for (const c of clients) c.terminate();
    mod.client.terminate();
    stage.client.terminate();
  } finally {
    await stopChild(server.child);
    killAllChildren();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  killAllChildren();
  process.exit(1);
});
