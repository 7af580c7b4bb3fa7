import { describe, expect, it } from 'vitest';
import { commands, type CommandName } from '../../shared/socket.js';
import { collectHandlers, dispatch } from './dispatch.js';

const handler = { serial: false, run: async () => ({ result: {} }) };
const all = Object.fromEntries((Object.keys(commands) as CommandName[]).map((c) => [c, handler]));

describe('collectHandlers', () => {
  it('takes every command of shared/socket.ts from exactly one module', () => {
    const [first, ...rest] = Object.keys(all);
    const handlers = collectHandlers([
      { name: 'kernel', handlers: { [first!]: handler } },
      { name: 'feature', handlers: Object.fromEntries(rest.map((c) => [c, handler])) },
    ]);
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(commands).sort());
  });

  it('refuses a command handled twice, an unknown command and a missing handler', () => {
    expect(() => collectHandlers([{ name: 'a', handlers: all }, { name: 'b', handlers: { 'qa:ask': handler } }])).toThrow(/qa:ask is handled twice \(a and b\)/);
    expect(() => collectHandlers([{ name: 'a', handlers: { ...all, 'qa:nope': handler } as never }])).toThrow(/qa:nope/);
    const { 'qa:vote': _missing, ...rest } = all;
    expect(() => collectHandlers([{ name: 'a', handlers: rest }])).toThrow(/no handler for qa:vote/);
  });
});

describe('dispatch: acks and the attendees tick', () => {
  function fakeKernel(fanout: Promise<void> | null) {
    return {
      limiter: { hit: () => 0 },
      flood: { refused: () => false },
      metrics: { command: () => {} },
      logger: { error: () => {} },
      now: () => new Date(),
      queues: { run: (_key: string, task: () => Promise<unknown>) => task() },
      delivery: { afterFanout: () => fanout },
    } as unknown as Parameters<typeof dispatch>[0];
  }
  const voteHandler = { ...all, 'qa:vote': { serial: false, run: async () => ({ result: { id: 'q', voted: true, seq: 7 } }) } } as unknown as Parameters<typeof dispatch>[1];
  const socketOf = (role: string) => ({ data: { role, eventId: 'e', attendeeId: role === 'attendee' ? 'a' : null } }) as unknown as Parameters<typeof dispatch>[2];

  it("an attendee's ack waits for the tick that is going out in parts; a moderator's does not", async () => {
    let release!: () => void;
    const fanout = new Promise<void>((r) => (release = r));
    const acks: string[] = [];
    await dispatch(fakeKernel(fanout), voteHandler, socketOf('attendee'), 'qa:vote', [{ id: 'q', up: true }, () => acks.push('attendee')]);
    await dispatch(fakeKernel(fanout), { ...voteHandler, 'qa:approve': handler } as never, socketOf('moderator'), 'qa:approve', [{ id: 'q' }, () => acks.push('moderator')]);
    await new Promise((r) => setTimeout(r, 10));
    expect(acks).toEqual(['moderator']);
    release();
    await fanout;
    expect(acks).toEqual(['moderator', 'attendee']);
  });

  it('without a tick going out, the ack is immediate', async () => {
    const acks: unknown[] = [];
    await dispatch(fakeKernel(null), voteHandler, socketOf('attendee'), 'qa:vote', [{ id: 'q', up: true }, (r: unknown) => acks.push(r)]);
    expect(acks).toEqual([{ ok: true, id: 'q', voted: true, seq: 7 }]);
  });
});
