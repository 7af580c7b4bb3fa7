/** `node --import tsx --test bench/qa/core.test.ts` (bench/ is outside the vitest projects on purpose). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  ackLatencies,
  decodeFrame,
  encodeConnect,
  encodeEmit,
  evenlySpaced,
  Histogram,
  parseMachineStat,
  parseProcCpuTicks,
  parseRssBytes,
  ratio,
  senderCount,
  voteLatencies,
  voteQuestion,
  type VoteOutcome,
} from './core.js';

test('histogram percentiles use upper bucket edges and count undelivered samples as infinite', () => {
  const h = new Histogram();
  for (let ms = 1; ms <= 100; ms++) h.add(ms);
  assert.equal(h.percentile(0.5), 50.1);
  assert.equal(h.percentile(1), 101);
  h.addMissing(5);
  assert.equal(h.total, 105);
  assert.equal(h.missing, 5);
  assert.equal(h.percentile(0.99), Infinity);
  assert.equal(h.percentile(0.5), 53.1);
  assert.ok(Number.isNaN(new Histogram().percentile(0.5)));
});

test('socket.io frames: connect with auth, emits with ack ids, acks, refusals, pings', () => {
  assert.equal(encodeConnect({ protocol: 1, code: '123456' }), '40{"protocol":1,"code":"123456"}');
  assert.equal(encodeConnect(undefined), '40');
  assert.equal(encodeEmit('qa:vote', { id: 'q', up: true }, 12), '4212["qa:vote",{"id":"q","up":true}]');
  assert.equal(encodeEmit('m', 1), '42["m",1]');
  assert.deepEqual(decodeFrame(encodeEmit('qa:vote', { id: 'q' }, 12)), { kind: 'event', name: 'qa:vote', data: { id: 'q' }, ackId: 12 });
  assert.deepEqual(decodeFrame('4312[{"ok":true,"id":"q"}]'), { kind: 'ack', ackId: 12, data: { ok: true, id: 'q' } });
  assert.deepEqual(decodeFrame('42["sync:delta",{"seq":7,"changes":[]}]'), {
    kind: 'event',
    name: 'sync:delta',
    data: { seq: 7, changes: [] },
    ackId: null,
  });
  assert.deepEqual(decodeFrame('44{"message":"unauthorized"}'), { kind: 'connect_error', message: 'unauthorized' });
  assert.deepEqual(decodeFrame('40{"sid":"x"}'), { kind: 'connect' });
  assert.deepEqual(decodeFrame('2'), { kind: 'ping' });
  assert.deepEqual(decodeFrame('0{"sid":"e"}'), { kind: 'open' });
});

const vote = (intendedAt: number, seq: number | null, ok = true, ackAt: number | null = intendedAt + 1): VoteOutcome => ({
  intendedAt,
  ackAt,
  ok,
  seq,
  questionId: 'q',
  named: true,
});

test('a vote reaches each probe when that probe receives the seq that carries it', () => {
  const probeA = new Map([
    [5, 150],
    [6, 300],
  ]);
  const probeB = new Map([[6, 320]]); // never got seq 5
  const h = voteLatencies([vote(100, 5), vote(200, 6)], [probeA, probeB]);
  assert.equal(h.total, 4);
  assert.equal(h.missing, 1);
  assert.equal(h.percentile(0.25), 50.1); // A: 150 − 100
  assert.equal(h.percentile(0.75), 121); // B: 320 − 200
});

test('failed and unresolved votes count as undelivered at every probe; acks measure from the intended send time', () => {
  const probes = [new Map([[1, 10]]), new Map([[1, 12]])];
  const h = voteLatencies([vote(0, null), vote(0, 1, false)], probes);
  assert.equal(h.missing, 4);
  const a = ackLatencies([vote(0, 1, true, 30), vote(0, null, false, null)]);
  assert.equal(a.percentile(0.5), 30.1);
  assert.equal(a.percentile(1), Infinity);
});

test('senders stay under Plenum vote limit; probes spread evenly and avoid index 0', () => {
  assert.equal(senderCount(200, 2000), 134);
  assert.ok(200 / senderCount(200, 2000) <= 1.5);
  assert.equal(senderCount(10, 2000), 50);
  assert.equal(senderCount(200, 100), 100);
  assert.deepEqual(evenlySpaced(10, 5), [1, 3, 5, 7, 9]);
  assert.deepEqual(evenlySpaced(3, 10), [0, 1, 2]);
  assert.equal(new Set(evenlySpaced(2000, 200)).size, 200);
});

test('each sender votes twice on a question (up, take-back) before moving on', () => {
  assert.deepEqual([0, 1, 2, 3, 4].map((nth) => voteQuestion(3, nth, 50)), [3, 3, 4, 4, 5]);
  assert.equal(voteQuestion(49, 2, 50), 0);
});

test('/proc parsing: cpu ticks after a process name with spaces and parens, rss, machine idle', () => {
  const stat = '1234 (node (x) y) S 1 2 3 4 5 6 7 8 9 10 250 50 0 0 20 0 1 0 100 0 0';
  assert.equal(parseProcCpuTicks(stat), 300);
  assert.equal(parseRssBytes('Name:\tnode\nVmRSS:\t  2048 kB\n'), 2048 * 1024);
  assert.deepEqual(parseMachineStat('cpu  10 0 10 70 10 0 0 0 0 0\ncpu0 1 2\n'), { idle: 80, total: 100 });
});

test('ratios only between finite positive figures', () => {
  assert.equal(ratio(30, 10), 3);
  assert.equal(ratio(Infinity, 10), null);
  assert.equal(ratio(5, 0), null);
});
