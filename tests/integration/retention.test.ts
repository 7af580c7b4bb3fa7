/** RETENTION_DAYS: an event whose end lies further back is deleted with all its data at the next start (and hourly). */
import { afterAll, describe, expect, it } from 'vitest';
import { api, connect, createEvent, joinAttendee, setupOrganizer, sleep, startTestServer, type TestServer } from './helpers.js';
import { loadConfig, ConfigError } from '../../server/config.js';
import { databaseEnv } from './database.js';

const DAY = 24 * 60 * 60 * 1000;
const servers: TestServer[] = [];
afterAll(async () => {
  for (const s of servers.reverse()) await s.close();
});

describe('retention', () => {
  it('defaults to 90 days; 0 keeps events; nonsense is refused', () => {
    expect(loadConfig({}).retentionDays).toBe(90);
    expect(loadConfig({ RETENTION_DAYS: '0' }).retentionDays).toBe(0);
    expect(() => loadConfig({ RETENTION_DAYS: '-1' })).toThrow(ConfigError);
    expect(() => loadConfig({ RETENTION_DAYS: 'lange' })).toThrow(ConfigError);
  });

  it('deletes an event with its questions and attendees once its end is RETENTION_DAYS back, keeps the others', async () => {
    const a = await startTestServer({}, { RETENTION_DAYS: '30' });
    servers.push(a);
    const cookie = await setupOrganizer(a);
    const old = await createEvent(a, cookie, { title: 'Lange her' });
    const recent = await createEvent(a, cookie, { title: 'Neulich' });
    const person = await joinAttendee(a, old.code, 'Ada');
    const attendee = await connect(a, { code: old.code, token: person.token });
    await attendee.ok('qa:ask', { text: 'Werde ich gelöscht?' });
    attendee.close();
    // Its going offline is a change of the event too (presence): let it land before the clock is turned back.
    await sleep(500);
    // Every change moves an event's end forward.
    const row = await a.server.kernel.db.selectFrom('events').select('last_active_at').where('id', '=', old.id).executeTakeFirstOrThrow();
    expect(Date.now() - Date.parse(row.last_active_at!)).toBeLessThan(60_000);
    const longAgo = new Date(Date.now() - 31 * DAY).toISOString();
    const db = a.server.kernel.db;
    await db.updateTable('events').set({ last_active_at: longAgo, created_at: longAgo }).where('id', '=', old.id).execute();
    // Stop the server but keep its data folder for the next start.
    await a.server.close();

    // The same data: its folder (SQLite) or its schema (npm run test:cluster runs this suite on PostgreSQL).
    const b = await startTestServer({}, { RETENTION_DAYS: '30', DATA_DIR: a.dataDir, ...databaseEnv(a.dataDir) });
    servers.push(b);
    const left = await b.server.kernel.db.selectFrom('events').select('id').execute();
    expect(left.map((r) => r.id)).toEqual([recent.id]);
    expect(await b.server.kernel.db.selectFrom('questions').selectAll().execute()).toEqual([]);
    expect(await b.server.kernel.db.selectFrom('attendees').selectAll().where('event_id', '=', old.id).execute()).toEqual([]);
    expect((await api(b.url, `/api/join/${old.code}`)).status).toBe(404);
  });
});
