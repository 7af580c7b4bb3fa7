/**
 * The attendees' tick over a recording stand-in for Socket.IO: small events in one emit, large ones in
 * parts with the event loop free between them, acks held until the last part, the next tick after it,
 * and the tick stretched when writing it took long.
 */
import { describe, expect, it } from 'vitest';
import type { Changes } from './changes.js';
import { Delivery, PARTED_FROM, TICK_STRETCH } from './delivery.js';
import { PUB_PARTS, pubPartRoom, pubRoom, stageRoom } from './rooms.js';
import type { PlenumIO } from './socket-types.js';

interface Sent {
  to: string[];
  except: string[];
  event: string;
  data: unknown;
  at: number;
}

function recordingIo(roomSizes: Record<string, number>, emitCostMs = 0) {
  const sent: Sent[] = [];
  const cost = { ms: emitCostMs };
  const target = (to: string[], except: string[] = []) => ({
    except: (room: string) => target(to, [...except, room]),
    emit: (event: string, data: unknown) => {
      const until = performance.now() + cost.ms;
      while (performance.now() < until); // the cost of writing to many sockets
      sent.push({ to, except, event, data, at: performance.now() });
      return true;
    },
  });
  const rooms = new Map(Object.entries(roomSizes).map(([room, size]) => [room, new Set(Array.from({ length: size }, (_, i) => `s${i}`))]));
  const io = { to: (room: string | string[]) => target([room].flat()), sockets: { adapter: { rooms } } };
  return { io: io as unknown as PlenumIO, sent, cost };
}

const vote = (seq: number): Changes => ({ staff: [{ type: 'question:votes', counts: { q: seq } }], pub: [{ type: 'question:votes', counts: { q: seq } }], personal: [] });
const seqsOf = (s: Sent) => (s.event === 'sync:delta' ? [(s.data as { seq: number }).seq] : (s.data as { deltas: Array<{ seq: number }> }).deltas.map((d) => d.seq));
const toAttendees = (sent: Sent[]) => sent.filter((s) => !s.to.some((r) => r.endsWith(':staff') || r.endsWith(':stage')));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('Delivery: the attendees tick', () => {
  it('a small event: one emit to the public room (without the stage), staff at once', async () => {
    const { io, sent } = recordingIo({ [pubRoom('e')]: 999 });
    const d = new Delivery(io, undefined, 20);
    d.deliver('e', 1, vote(1));
    d.deliver('e', 2, vote(2));
    expect(sent.filter((s) => s.to[0] === 'ev:e:staff').map(seqsOf)).toEqual([[1], [2]]);
    await sleep(60);
    const pub = toAttendees(sent);
    expect(pub).toHaveLength(1);
    expect(pub[0]).toMatchObject({ to: [pubRoom('e')], except: [stageRoom('e')], event: 'sync:deltas' });
    expect(seqsOf(pub[0]!)).toEqual([1, 2]);
    expect(d.afterFanout('e')).toBeNull();
  });

  it('a large event: one emit per part, the event loop runs between them, acks wait for the last part', async () => {
    const { io, sent } = recordingIo({ [pubRoom('e')]: 1000 });
    const d = new Delivery(io, undefined, 20);
    d.deliver('e', 1, { ...vote(1), personal: [{ attendeeId: 'a', change: { type: 'qa:myVote', id: 'q', voted: true } }] });
    await until(() => d.afterFanout('e') !== null);
    const order: string[] = [];
    setImmediate(() => order.push(`between, after ${toAttendees(sent).length} parts`));
    await d.afterFanout('e');
    order.push(`acks, after ${toAttendees(sent).length - 1} parts`);
    const pub = toAttendees(sent);
    expect(pub.slice(0, PUB_PARTS).map((s) => s.to)).toEqual(Array.from({ length: PUB_PARTS }, (_, i) => [pubPartRoom('e', i)]));
    expect(pub.slice(0, PUB_PARTS).every((s) => s.event === 'sync:delta' && seqsOf(s)[0] === 1)).toBe(true);
    // The personal changes of the tick come after the deltas, as in one piece.
    expect(pub[PUB_PARTS]).toMatchObject({ to: ['att:a'], event: 'sync:personal' });
    expect(order[0]).not.toBe(`between, after ${PUB_PARTS} parts`);
    expect(order[1]).toBe(`acks, after ${PUB_PARTS} parts`);
    expect(d.afterFanout('e')).toBeNull();
  });

  it('a tick that comes due while the last one is going out follows it, seqs in order and none twice', async () => {
    const { io, sent } = recordingIo({ [pubRoom('e')]: 5000 }, 2);
    const d = new Delivery(io, undefined, 10);
    let seq = 0;
    const timer = setInterval(() => d.deliver('e', ++seq, vote(seq)), 3);
    await sleep(300);
    clearInterval(timer);
    await sleep(200);
    await d.afterFanout('e');
    await sleep(100);
    // Every part room gets every seq once, in order.
    for (let part = 0; part < PUB_PARTS; part++) {
      const got = sent.filter((s) => s.to[0] === pubPartRoom('e', part)).flatMap(seqsOf);
      expect(got).toEqual(Array.from({ length: seq }, (_, i) => i + 1));
    }
  });

  it(`stretches the next tick to ${TICK_STRETCH}× the time the last one took to write, and back after a cheap one`, async () => {
    const { io, sent, cost } = recordingIo({ [pubRoom('e')]: 1000 }, 6); // 16 parts × 6 ms ≈ 100 ms of writing
    const d = new Delivery(io, undefined, 20);
    const wait = async (seq: number) => {
      const queuedAt = performance.now();
      d.deliver('e', seq, vote(seq));
      await until(() => toAttendees(sent).some((s) => seqsOf(s)[0] === seq), 3000);
      await d.afterFanout('e');
      return toAttendees(sent).find((s) => seqsOf(s)[0] === seq)!.at - queuedAt;
    };
    await wait(1);
    cost.ms = 0;
    expect(await wait(2)).toBeGreaterThanOrEqual(PUB_PARTS * 6 * TICK_STRETCH * 0.9);
    expect(await wait(3)).toBeLessThan(PUB_PARTS * 6);
  });

  it('stretches to 1 s at most; parts from 1,000 local attendee sockets by default', async () => {
    expect(PARTED_FROM).toBe(1_000);
    const { io, sent, cost } = recordingIo({ [pubRoom('e')]: PARTED_FROM }, 40); // 16 parts × 40 ms: 2 × 640 ms > 1 s
    const d = new Delivery(io, undefined, 20);
    d.deliver('e', 1, vote(1));
    await until(() => d.afterFanout('e') !== null, 2000);
    expect(toAttendees(sent)[0]!.to).toEqual([pubPartRoom('e', 0)]);
    await d.afterFanout('e');
    cost.ms = 0;
    const queuedAt = performance.now();
    d.deliver('e', 2, vote(2));
    await until(() => toAttendees(sent).some((s) => seqsOf(s)[0] === 2), 3000);
    const waited = toAttendees(sent).find((s) => seqsOf(s)[0] === 2)!.at - queuedAt;
    expect(waited).toBeGreaterThanOrEqual(950);
    expect(waited).toBeLessThan(1_250);
  });

  it("a sender's other tabs get their personal change after the older ones of the waiting tick and of a tick going out", async () => {
    const { io, sent } = recordingIo({ [pubRoom('e')]: 10, [pubRoom('big')]: 1000 }, 1);
    const d = new Delivery(io, undefined, 20);
    const sender = { to: (room: string) => io.to(room) } as unknown as Parameters<Delivery['personalOf']>[2];
    const rank = (r: number) => ({ attendeeId: 'b', change: { type: 'polls:myQuiz' as const, quiz: { rank: r } as never } });
    const ranksSent = () => sent.filter((s) => s.event === 'sync:personal').map((s) => (s.data as { changes: Array<{ quiz: { rank: number } }> }).changes.map((c) => c.quiz.rank));
    // A commit's personal change waits for the tick; the newer one sent outside a commit must not overtake it.
    d.deliver('e', 1, { ...vote(1), personal: [rank(2)] });
    d.personalOf('e', [rank(1)], sender);
    expect(ranksSent()).toEqual([]);
    await until(() => ranksSent().length === 2, 2000);
    expect(ranksSent()).toEqual([[2], [1]]);
    // The same while a large event's tick is going out in parts.
    d.deliver('big', 1, { ...vote(1), personal: [rank(3)] });
    await until(() => d.afterFanout('big') !== null, 2000);
    d.personalOf('big', [rank(4)]);
    await d.afterFanout('big');
    expect(ranksSent().slice(2)).toEqual([[3], [4]]);
    // With nothing waiting it goes at once.
    d.personalOf('e', [rank(5)]);
    expect(ranksSent().at(-1)).toEqual([5]);
  });

  it('flushAll finishes a tick that is going out in parts, at once', async () => {
    const { io, sent } = recordingIo({ [pubRoom('e')]: 1000 });
    const d = new Delivery(io, undefined, 20);
    d.deliver('e', 1, vote(1));
    await until(() => d.afterFanout('e') !== null);
    const done = d.afterFanout('e')!;
    d.deliver('e', 2, vote(2));
    d.flushAll();
    expect(d.afterFanout('e')).toBeNull();
    await done;
    const pub = toAttendees(sent);
    expect(pub.filter((s) => seqsOf(s).includes(1))).toHaveLength(PUB_PARTS);
    expect(pub.at(-1)).toMatchObject({ to: [pubRoom('e')], event: 'sync:delta' });
    expect(seqsOf(pub.at(-1)!)).toEqual([2]);
  });
});

async function until(check: () => boolean, ms = 1000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setImmediate(r));
  }
}
