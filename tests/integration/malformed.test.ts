/**
 * Bad input never changes anything and never hurts the server: every command of the table gets several
 * malformed payloads and must answer invalid_payload; messages without ack and oversized messages are
 * survived.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands, type CommandName, type Snapshot } from '../../shared/socket.js';
import { connect, createEvent, joinAttendee, setupOrganizer, sleep, stable, startTestServer, type Client, type TestEvent, type TestServer } from './helpers.js';

let t: TestServer;
let ev: TestEvent;
let attendeeToken: string;

beforeAll(async () => {
  // Every malformed shape of every command comes from one attendee: the general command limit (100 per 10 s,
  // tested in flood.test.ts) is lifted here, or the last commands of the table would meet it.
  t = await startTestServer({ limits: { command: { capacity: 100_000, perMs: 10_000 } } });
  const cookie = await setupOrganizer(t);
  ev = await createEvent(t, cookie);
  attendeeToken = (await joinAttendee(t, ev.code, 'Fuzzy')).token;
});
afterAll(async () => {
  await t.close();
});

/** Every field name any command uses, each with a wrong type. */
const poison = {
  id: 5, ids: 'x', text: 7, up: 'yes', anonymous: 'no', starred: 1, labels: 'a', action: 'explode', name: 42, qa: 'x',
  roundId: 9, index: 'eins', attributes: 'x', groups: 'x', size: -1, personId: [], a: 1, b: 2, seconds: 'x', show: 'x', locked: 'x',
};
const R = 'round1';

function badShapes(name: CommandName): unknown[] {
  const shapes: unknown[] = [undefined, null, 42, 'text', [], [1, 2], true, poison];
  const extra: Partial<Record<CommandName, unknown[]>> = {
    'sync:snapshot': [{ unexpected: true }],
    'attendee:rename': [{}, { name: 'x'.repeat(61) }],
    'qa:ask': [{}, { text: '' }, { text: '   ' }, { text: 'x'.repeat(2001) }, { text: 'ok', anonymous: 'yes' }],
    'qa:editOwn': [{ text: 'no id' }, { id: '', text: 'x' }, { id: 'a', text: '' }],
    'qa:withdraw': [{}, { id: '' }, { id: 'x'.repeat(65) }],
    'qa:vote': [{ id: 'a' }, { id: 'a', up: 'true' }, { up: true }],
    'qa:approve': [{}, { id: 'a', text: '' }],
    'qa:reject': [{}, { id: null }],
    'qa:answer': [{}, { id: ['a'] }],
    'qa:restore': [{}, { id: {} }],
    'qa:highlight': [{}, { id: 3 }],
    'qa:queue': [{}, { ids: [1] }, { ids: Array.from({ length: 201 }, (_, i) => `q${i}`) }],
    'qa:star': [{ id: 'a' }, { id: 'a', starred: 'yes' }],
    'qa:label': [{ id: 'a' }, { id: 'a', labels: [''] }, { id: 'a', labels: Array.from({ length: 11 }, (_, i) => `l${i}`) }],
    'qa:reply': [{ id: 'a' }, { id: 'a', text: 5 }],
    'qa:edit': [{ id: 'a' }, { id: 'a', text: '' }],
    'qa:delete': [{}, { ids: ['a'] }],
    'qa:bulk': [{ ids: [], action: 'approve' }, { ids: ['a'], action: 'delete' }, { ids: ['a'] }],
    'qa:answeredPage': [{}, { before: null }, { before: { at: '', id: 'a' } }, { before: { at: 'x', id: 'a', extra: 1 } }, { before: { at: 'x'.repeat(65), id: 'a' } }],
    'qa:merge': [{}, { keepId: 'a' }, { keepId: '', mergeId: 'b' }, { keepId: 'a', mergeId: 5 }],
    'chat:import': [{}, { messageId: '' }, { messageId: 'x'.repeat(201) }, { messageId: 'm', text: '  ' }],
    'chat:retry': [{ now: true }],
    'event:settings': [
      { qa: { maxQuestionLength: 5 } }, { qa: { blockedWords: 'x' } }, { qa: { open: 'no' } },
      { attendeeFields: [{ key: 'Firma!', label: 'Firma' }] }, { attendeeFields: 'company' }, { breakouts: { closingSec: -1 } },
      { youtube: { url: 'https://www.youtube.com/playlist?list=PL1' } }, { youtube: { chatImport: 'some' } }, { youtube: { prefixes: [''] } },
    ],
    'attendee:profile': [{}, { attributes: { company: 5 } }, { attributes: { ['k'.repeat(31)]: 'x' } }, { attributes: { company: 'x'.repeat(101) } }],
    'breakouts:plan': [
      {}, { groups: 2, size: 3 }, { size: 0 }, { groups: 0 }, { size: 3, mode: 'chaos' }, { size: 3, rounds: 0 }, { size: 3, durationSec: 5 },
      { size: 3, people: [''] }, { size: 3, constraints: { apart: [['a']] } }, { size: 3, videoTemplate: 'x'.repeat(501) },
    ],
    'breakouts:reshuffle': [{}, { roundId: '' }, { roundId: R, seed: 1.5 }],
    'breakouts:move': [{ roundId: R }, { roundId: R, personId: 'a', toGroup: -1 }, { roundId: R, personId: '', toGroup: 0 }],
    'breakouts:swap': [{ roundId: R, a: 'x' }, { roundId: R, a: '', b: 'y' }],
    'breakouts:lock': [{ roundId: R, personId: 'a' }, { roundId: R, personId: 'a', locked: 'yes' }],
    'breakouts:group': [{ index: 0 }, { roundId: R, index: 0, name: '' }, { roundId: R, index: 0, videoUrl: 'kein link' }, { roundId: R, index: 0, capacity: 0 }],
    'breakouts:start': [{}, { roundId: R, durationSec: 10 }, { roundId: R, durationSec: 5 * 3600 }],
    'breakouts:extend': [{ roundId: R }, { roundId: R, seconds: 1.5 }, { roundId: R, seconds: 99999 }],
    'breakouts:message': [{ roundId: R }, { roundId: R, text: '  ' }, { roundId: R, text: 'x'.repeat(501) }],
    'breakouts:close': [{}, { roundId: R, countdownSec: -1 }, { roundId: R, countdownSec: 601 }],
    'breakouts:discard': [{}, { roundId: 'x'.repeat(65) }],
    'breakouts:showResults': [{ roundId: R }, { roundId: R, show: 1 }],
    'breakouts:resolveHelp': [{}, { id: '' }],
    'breakouts:help': [{}, { roundId: '' }],
    'breakouts:choose': [{ roundId: R }, { roundId: R, index: -1 }, { roundId: R, index: 1.5 }],
    'breakouts:editResult': [
      { roundId: R, index: 0, text: 'x' }, { roundId: R, index: 0, baseVersion: -1, text: 'x' }, { roundId: R, index: 0, baseVersion: 0, text: 'x'.repeat(10_001) },
    ],
    'stage:show': [
      {}, { screen: 'room' }, { screen: 'wall', item: { kind: 'join' } }, { screen: 'room', item: { kind: 'video' } },
      { screen: 'room', item: { kind: 'question' } }, { screen: 'room', item: { kind: 'question', questionId: '' } },
      { screen: 'room', item: { kind: 'join', extra: 1 } }, { screen: 'overlay', item: { kind: 'join' }, autoHideS: 2 },
      { screen: 'overlay', item: { kind: 'join' }, autoHideS: 3601 }, { screen: 'overlay', item: { kind: 'join' }, autoHideS: 4.5 },
      { screen: 'room', item: { kind: 'join' }, by: 'follow' },
    ],
    'stage:clear': [{}, { screen: 'all' }, { screen: 'room', item: { kind: 'join' } }],
    'stage:enqueue': [{}, { item: { kind: 'poll' } }, { item: { kind: 'leaderboard', pollId: 7 } }, { item: { kind: 'round', roundId: 'x'.repeat(65) } }],
    'stage:dequeue': [{}, { id: '' }, { id: 'x'.repeat(65) }],
    'stage:reorder': [{}, { ids: [''] }, { ids: Array.from({ length: 51 }, (_, i) => `e${i}`) }],
    'stage:next': [{}, { screen: 'both', autoHideS: 0 }, { screen: 'stage' }],
    'stage:speakerDone': [{}, { questionId: '' }, { questionId: 5 }, { id: 'a' }],
  };
  return [...shapes, ...(extra[name] ?? [])];
}

/**
 * A snapshot once the connects' presence flushes are committed: the seq stayed the same over 60 ms (a
 * fixed sleep was too short on PostgreSQL under the whole suite).
 */
async function settled(mod: Client): Promise<Snapshot> {
  let last = await mod.snapshot();
  for (let i = 0; i < 50; i++) {
    await sleep(60);
    const next = await mod.snapshot();
    if (next.seq === last.seq) return next;
    last = next;
  }
  return last;
}

async function clientFor(name: CommandName): Promise<Client> {
  const roles = commands[name].roles as readonly string[];
  // A fresh socket per command keeps the general per-sender limit out of the way.
  const token = roles.includes('attendee')
    ? attendeeToken
    : roles.includes('moderator')
      ? ev.tokens.moderator
      : roles.includes('speaker')
        ? ev.tokens.speaker
        : ev.tokens.facilitator;
  return connect(t, { code: ev.code, token });
}

describe('malformed payloads', () => {
  const names = Object.keys(commands) as CommandName[];

  it.each(names)('%s: every malformed shape gets invalid_payload with field paths, and nothing changes', async (name) => {
    const c = await clientFor(name);
    const mod = await connect(t, { code: ev.code, token: ev.tokens.moderator });
    const before = await settled(mod); // the attendee's presence flush (20 ms in tests) is a delta of its own
    for (const payload of badShapes(name)) {
      const res = await c.send(name, payload);
      expect(res, `${name} ${JSON.stringify(payload)?.slice(0, 80)}`).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
      expect(Array.isArray(res.error.fields) && res.error.fields.length > 0).toBe(true);
    }
    // A message with no payload at all (only the ack).
    const bare = await new Promise<any>((resolve) => (c.socket as any).emit(name, resolve));
    if (name === 'sync:snapshot') expect(bare.ok === false || bare.ok === true).toBe(true);
    else expect(bare).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    const after = await mod.snapshot();
    expect(after.seq).toBe(before.seq);
    expect(stable(after)).toEqual(stable(before));
    c.close();
    mod.close();
  });

  it('messages without an ack are ignored; oversized messages drop only that socket', async () => {
    // A fresh identity: ack-less messages count against the sender's general limit (lifted in this file,
    // tested with its real value in flood.test.ts).
    const quiet = await joinAttendee(t, ev.code, 'Ohne Ack');
    const a = await connect(t, { code: ev.code, token: quiet.token });
    const mod = await connect(t, { code: ev.code, token: ev.tokens.moderator });
    const before = await settled(mod);
    // One of the three forms per command.
    names.forEach((name, i) => {
      if (i % 3 === 0) (a.socket as any).emit(name, { text: 'ohne Ack', id: 'x', ids: [], up: true });
      else if (i % 3 === 1) (a.socket as any).emit(name);
      else (a.socket as any).emit(name, null, 'not a function');
    });
    expect(names.length).toBeLessThan(100);
    (a.socket as any).emit('no:such:event', {}, () => {});
    expect(await a.ok('sync:snapshot', {})).toBeTruthy();
    await sleep(100);
    expect((await mod.snapshot()).seq).toBe(before.seq);

    // Above maxHttpBufferSize (16 KB) the server closes that connection; it stays up for everyone else.
    a.socket.emit('qa:ask', { text: 'x'.repeat(40_000) } as any, () => {});
    await new Promise<void>((resolve) => a.socket.once('disconnect', () => resolve()));
    expect((await mod.snapshot()).seq).toBe(before.seq);
    const again = await connect(t, { code: ev.code, token: quiet.token });
    expect((await again.snapshot()).me.role).toBe('attendee');
    again.close();
    mod.close();
  });
});
