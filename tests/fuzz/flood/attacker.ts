/**
 * The attackers of the flooding suite (tests/fuzz/flood.test.ts), each run as its own process so that
 * generating the load shares neither the server's event loop nor the bystanders' one:
 *   node --import tsx tests/fuzz/flood/attacker.ts '<AttackConfig as JSON>'
 * It connects every identity first and prints `READY <connected>`, starts on a line `GO` on stdin, and prints `RESULT <json>` at the end.
 *
 * - flood: one identity sends `rate` messages a second (qa:vote toggles with and without ack, qa:ask,
 *   polls:answer, sync:snapshot); when dropped it reconnects at once and keeps going.
 * - slow: one identity stops reading its TCP socket right after the handshake and sends votes with acks.
 * - snapshots: many identities, each asking for a snapshot again as soon as the last one answered and every
 *   50 ms anyway (up to 4 in flight); when dropped each tries to reconnect every `retryMs`.
 */
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { ackOutcome, RawSocket } from './raw-socket.js';

export interface AttackConfig {
  mode: 'flood' | 'slow' | 'snapshots';
  url: string;
  code: string;
  tokens: string[];
  durationMs: number;
  /** flood, slow: messages per second aimed at. */
  rate?: number;
  /** flood: share of messages that ask for an ack (0..1). */
  ackShare?: number;
  questionId?: string;
  pollId?: string;
  /** snapshots: wait between reconnect attempts; flood reconnects at once. */
  retryMs?: number;
}

export interface IdentityReport {
  ok: number;
  refused: Record<string, number>;
  /** Messages sent before the first refusal came back (snapshots). */
  okBeforeFirstRefusal: number | null;
  drops: number;
  handshakesOk: number;
  handshakesRefused: Record<string, number>;
  firstDropAfterMs: number | null;
  /** Largest answer seen, bytes (snapshots). */
  largestAnswer: number;
}

export interface AttackReport {
  mode: AttackConfig['mode'];
  durationMs: number;
  sent: number;
  sentWithAck: number;
  sentWithoutAck: number;
  sentByKind: Record<string, number>;
  /** Acks that never came because the connection was dropped first. */
  acksLost: number;
  /** Milliseconds connected in total (what the rate is measured against). */
  connectedMs: number;
  /** Times sending paused because ws held more than a megabyte the kernel had not taken. */
  backpressureWaits: number;
  identities: IdentityReport[];
}

const bump = (r: Record<string, number>, k: string, n = 1) => void (r[k] = (r[k] ?? 0) + n);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function freshIdentity(): IdentityReport {
  return { ok: 0, refused: {}, okBeforeFirstRefusal: null, drops: 0, handshakesOk: 0, handshakesRefused: {}, firstDropAfterMs: null, largestAnswer: 0 };
}

/** Opens one connection per identity before the attack (10 at a time), so the attack starts at once. */
export async function preopen(cfg: AttackConfig): Promise<Array<RawSocket | null>> {
  const out: Array<RawSocket | null> = [];
  for (let i = 0; i < cfg.tokens.length; i += 10) {
    const batch = await Promise.all(cfg.tokens.slice(i, i + 10).map((token) => RawSocket.open(cfg.url, { code: cfg.code, token }, 60_000)));
    out.push(...batch.map((o) => (o.ok ? o.socket : null)));
  }
  return out;
}

export async function runAttack(cfg: AttackConfig, preopened: Array<RawSocket | null> = []): Promise<AttackReport> {
  const report: AttackReport = {
    mode: cfg.mode,
    durationMs: cfg.durationMs,
    sent: 0,
    sentWithAck: 0,
    sentWithoutAck: 0,
    sentByKind: {},
    acksLost: 0,
    connectedMs: 0,
    backpressureWaits: 0,
    identities: cfg.tokens.map(freshIdentity),
  };
  const start = Date.now();
  const stopAt = start + cfg.durationMs;
  const running = () => Date.now() < stopAt;

  /** Connects (again and again until it works or time is up); null when time ran out. */
  async function connectAs(i: number, retryMs: number): Promise<RawSocket | null> {
    const id = report.identities[i]!;
    const ready = preopened[i];
    preopened[i] = null;
    if (ready && !ready.closed) {
      id.handshakesOk += 1;
      return ready;
    }
    while (running()) {
      const opened = await RawSocket.open(cfg.url, { code: cfg.code, token: cfg.tokens[i] });
      if (opened.ok) {
        id.handshakesOk += 1;
        return opened.socket;
      }
      bump(id.handshakesRefused, opened.reason);
      if (retryMs > 0) await sleep(retryMs);
    }
    return null;
  }

  const onAnswer = (id: IdentityReport) => (raw: Buffer) => {
    id.largestAnswer = Math.max(id.largestAnswer, raw.length);
    const outcome = ackOutcome(raw);
    if (outcome === 'ok') id.ok += 1;
    else {
      if (id.okBeforeFirstRefusal === null) id.okBeforeFirstRefusal = id.ok;
      bump(id.refused, outcome);
    }
  };

  /**
   * Connects as identity i again and again until time is up and runs `attack` on each connection; `end`
   * leaves it when time is up. A drop counts for the identity; the acks still awaited then are lost.
   */
  async function rounds(i: number, retryMs: number, attack: (socket: RawSocket, end: () => void) => void): Promise<void> {
    const id = report.identities[i]!;
    while (running()) {
      const socket = await connectAs(i, retryMs);
      if (!socket) break;
      const since = Date.now();
      await new Promise<void>((resolve) => {
        socket.onClose = () => {
          id.drops += 1;
          id.firstDropAfterMs ??= Date.now() - start;
          report.acksLost += socket.pendingAcks;
          resolve();
        };
        attack(socket, () => {
          report.acksLost += socket.pendingAcks;
          socket.onClose = undefined;
          socket.close();
          resolve();
        });
      });
      report.connectedMs += Date.now() - since;
    }
  }

  async function flood(): Promise<void> {
    const rate = cfg.rate ?? 50_000;
    const ackShare = cfg.ackShare ?? 0.5;
    const q = cfg.questionId!;
    const messages: Array<[kind: string, name: string, payload: string]> = [
      ['vote', 'qa:vote', JSON.stringify({ id: q, up: true })],
      ['vote', 'qa:vote', JSON.stringify({ id: q, up: false })],
      ['ask', 'qa:ask', JSON.stringify({ text: 'Flut: ist das schon zu viel?' })],
      ['answer', 'polls:answer', JSON.stringify({ pollId: cfg.pollId, answer: { type: 'single', optionId: 'a' } })],
      ['snapshot', 'sync:snapshot', '{}'],
    ];
    const answer = onAnswer(report.identities[0]!);
    let n = 0;
    await rounds(0, 0, (socket, end) => {
      // Paced in slices: every turn sends what the rate owes since the start (at most 5,000 at a time).
      const t0 = Date.now();
      let sentHere = 0;
      const turn = () => {
        if (socket.closed) return;
        if (!running()) return end();
        if (socket.buffered > 1 << 20) {
          report.backpressureWaits += 1;
          return void setTimeout(turn, 1);
        }
        const owed = Math.min(5_000, Math.floor(((Date.now() - t0) * rate) / 1000) - sentHere);
        for (let k = 0; k < owed && !socket.closed; k++, n++) {
          const [kind, name, payload] = messages[n % messages.length]!;
          // The share of messages with an ack, spread evenly (not random: a replayable run).
          const withAck = Math.floor((n + 1) * ackShare) > Math.floor(n * ackShare);
          if (!socket.emit(name, payload, withAck ? answer : undefined)) break;
          sentHere += 1;
          report.sent += 1;
          bump(report.sentByKind, kind);
          if (withAck) report.sentWithAck += 1;
          else report.sentWithoutAck += 1;
        }
        setImmediate(turn);
      };
      turn();
    });
  }

  async function slow(): Promise<void> {
    const rate = cfg.rate ?? 5_000;
    const payloads = [JSON.stringify({ id: cfg.questionId, up: true }), JSON.stringify({ id: cfg.questionId, up: false })];
    const answer = onAnswer(report.identities[0]!);
    await rounds(0, 250, (socket, end) => {
      socket.pauseReading();
      const t0 = Date.now();
      let sentHere = 0;
      const timer = setInterval(() => {
        if (socket.closed) return clearInterval(timer);
        if (!running()) {
          clearInterval(timer);
          return end();
        }
        const owed = Math.floor(((Date.now() - t0) * rate) / 1000) - sentHere;
        for (let k = 0; k < owed; k++) {
          if (!socket.emit('qa:vote', payloads[sentHere % 2]!, answer)) break;
          sentHere += 1;
          report.sent += 1;
          report.sentWithAck += 1;
          bump(report.sentByKind, 'vote');
        }
      }, 5);
    });
  }

  async function snapshotLoop(i: number): Promise<void> {
    const answer = onAnswer(report.identities[i]!);
    await rounds(i, cfg.retryMs ?? 250, (socket, end) => {
      // Asks again as soon as an answer comes, and every 50 ms anyway (up to 4 in flight): a loop that
      // does not wait out refusals.
      let inFlight = 0;
      const ask = () => {
        if (socket.closed || inFlight >= 4) return;
        inFlight += 1;
        report.sent += 1;
        report.sentWithAck += 1;
        bump(report.sentByKind, 'snapshot');
        socket.emit('sync:snapshot', '{}', (raw) => {
          inFlight -= 1;
          answer(raw);
          if (running()) ask();
        });
      };
      const timer = setInterval(() => {
        if (socket.closed) return clearInterval(timer);
        if (!running()) {
          clearInterval(timer);
          return end();
        }
        ask();
      }, 50);
      ask();
    });
  }

  if (cfg.mode === 'flood') await flood();
  else if (cfg.mode === 'slow') await slow();
  else await Promise.all(cfg.tokens.map((_, i) => snapshotLoop(i)));
  report.durationMs = Date.now() - start;
  return report;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const cfg = JSON.parse(process.argv[2]!) as AttackConfig;
  const opened = await preopen(cfg);
  console.log(`READY ${opened.filter(Boolean).length}`);
  const lines = createInterface({ input: process.stdin });
  let started = false;
  // The test went away before starting the attack: leave too.
  lines.on('close', () => started || process.exit(1));
  lines.on('line', (line) => {
    if (line.trim() !== 'GO') return;
    started = true;
    lines.close();
    runAttack(cfg, opened).then(
      (report) => {
        console.log(`RESULT ${JSON.stringify(report)}`);
        process.exit(0);
      },
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  });
}
