/**
 * FeatureModule.onChanges: inside every commit with changes, each module with the hook sees the work's
 * changes (the committer's module too) and may add its own under the same seq; hooks never see what
 * hooks added; a commit without changes calls no hook.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventSettings } from '../../shared/events/schemas.js';
import { commands, type Change, type CommandName } from '../../shared/socket.js';
import { loadConfig } from '../config.js';
import { openDatabase, type Database } from '../db/connect.js';
import { insertEvent } from '../events/repository.js';
import { createLogger } from '../logger.js';
import type { Changes, FeatureModule, Handlers } from './feature.js';
import { createKernel, type RunningKernel } from './kernel.js';
import type { PlenumIO } from './socket-types.js';

const handler = { serial: false, run: async () => ({ result: {} }) };
const allHandlers = Object.fromEntries((Object.keys(commands) as CommandName[]).map((c) => [c, handler])) as unknown as Handlers;

const emitted: Array<{ rooms: unknown; seq: number; changes: Change[] }> = [];
const io = {
  to(rooms: unknown) {
    const target = {
      except: () => target,
      emit: (_event: string, body: { seq: number; changes: Change[] }) => emitted.push({ rooms, ...body }),
    };
    return target;
  },
} as unknown as PlenumIO;

const seen: Record<string, Changes[]> = { a: [], b: [] };
const highlight = (id: string): Change => ({ type: 'qa:highlight', id });

function hooked(name: 'a' | 'b', add: (c: Changes) => Partial<Changes> | null): FeatureModule {
  return {
    name,
    handlers: {},
    async onChanges(_trx, _eventId, changes) {
      seen[name]!.push(changes);
      return add(changes);
    },
  };
}

let database: Database;
let kernel: RunningKernel;
let eventId: string;

beforeAll(async () => {
  database = await openDatabase({ databaseUrl: 'sqlite::memory:' });
  // No attendee tick: every delta goes out at once, so what one commit publishes can be read right after it.
  const config = loadConfig({ PORT: '0', DATA_DIR: '/tmp/unused', LOG_LEVEL: 'silent', ATTENDEE_TICK_MS: '0' });
  kernel = createKernel({ config, db: database.db, logger: createLogger('silent'), now: () => new Date(), options: {}, io, shared: false });
  const identity = { attendeeByToken: async () => null, describe: async () => null };
  await kernel.register(
    [
      { name: 'people', handlers: {}, identity },
      // a adds a change to every commit that has a highlight; b only records.
      hooked('a', (c) => (c.staff.some((x) => x.type === 'qa:highlight') ? { staff: [{ type: 'qa:queue', ids: ['from-a'] }], pub: [] } : null)),
      hooked('b', () => null),
    ],
    allHandlers,
  );
  const row = await insertEvent(database.db, {
    title: 'Hook', format: 'talk', language: 'de', startsAt: null, settings: EventSettings.parse({}), createdBy: null, now: new Date(),
  });
  eventId = row.id;
});
afterAll(async () => {
  await database.close();
});

describe('the commit hook', () => {
  it('every hook sees the work’s changes once; what a hook adds goes out under the same seq and is not shown to hooks', async () => {
    seen.a = [];
    seen.b = [];
    emitted.length = 0;
    const out = await kernel.commit(eventId, async () => ({ result: 1, changes: { staff: [highlight('q1')], pub: [highlight('q1')] } }));
    expect(seen.a).toHaveLength(1);
    expect(seen.b).toHaveLength(1);
    expect(seen.b[0]!.staff).toEqual([highlight('q1')]);
    out.publish();
    const staff = emitted.find((e) => String(e.rooms).endsWith(':staff'))!;
    expect(staff.seq).toBe(out.seq);
    expect(staff.changes).toEqual([highlight('q1'), { type: 'qa:queue', ids: ['from-a'] }]);
    const pub = emitted.find((e) => String(e.rooms).endsWith(':pub'))!;
    expect(pub.changes).toEqual([highlight('q1')]);
  });

  it('a commit without changes calls no hook and uses no seq', async () => {
    seen.a = [];
    const out = await kernel.commit(eventId, async () => ({ result: 1, changes: null }));
    expect(out.seq).toBe(-1);
    expect(seen.a).toEqual([]);
  });

  it('a hook that adds nothing keeps the one-array broadcast for both audiences', async () => {
    emitted.length = 0;
    const same: Change[] = [{ type: 'question:votes', counts: { q1: 2 } }];
    const out = await kernel.commit(eventId, async () => ({ result: 1, changes: { staff: same, pub: same } }));
    out.publish();
    expect(emitted).toHaveLength(1);
    expect(emitted[0]!.rooms).toEqual([`ev:${eventId}:staff`, `ev:${eventId}:pub`]);
  });

  it('a failing hook rolls the whole commit back', async () => {
    const before = await database.db.selectFrom('events').select('seq').where('id', '=', eventId).executeTakeFirstOrThrow();
    const failing = kernel.modules.find((m) => m.name === 'b')!;
    const original = failing.onChanges!;
    failing.onChanges = async () => {
      throw new Error('hook failed');
    };
    try {
      await expect(kernel.commit(eventId, async () => ({ result: 1, changes: { staff: [highlight('q2')], pub: [] } }))).rejects.toThrow('hook failed');
    } finally {
      failing.onChanges = original;
    }
    const after = await database.db.selectFrom('events').select('seq').where('id', '=', eventId).executeTakeFirstOrThrow();
    expect(after.seq).toBe(before.seq);
  });
});
