/**
 * `npm run cli -- backup --out FILE` while the server runs, then `restore FILE` into a fresh data folder: a
 * server started there serves the same event — organizer login, moderator link, attendee identity, questions.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { run } from '../../server/cli/backup.js';
import { testDatabaseUrl } from './database.js';
import { ORGANIZER, api, connect, cookieFrom, createEvent, joinAttendee, setupOrganizer, startTestServer } from './helpers.js';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'plenum-backup-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function cli(command: 'backup' | 'restore', argv: string[], dataDir: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const log = vi.spyOn(console, 'log').mockImplementation((...a) => void (out += `${a.join(' ')}\n`));
  const error = vi.spyOn(console, 'error').mockImplementation((...a) => void (err += `${a.join(' ')}\n`));
  try {
    return { code: await run(argv, { DATA_DIR: dataDir }, command), out, err };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

// SQLite's online backup; on PostgreSQL (npm run test:cluster) the CLI hands over to pg_dump / pg_restore.
describe.skipIf(testDatabaseUrl !== null)('backup and restore (SQLite)', () => {
  it('a backup taken while the server runs, restored into a fresh data folder, serves the same event', async () => {
    const dataA = tempDir();
    const a = await startTestServer({}, { DATA_DIR: dataA });
    const cookie = await setupOrganizer(a);
    const ev = await createEvent(a, cookie, { title: 'Gesichert' });
    const person = await joinAttendee(a, ev.code, 'Ada');
    const attendee = await connect(a, { code: ev.code, token: person.token });
    const asked = await attendee.ok('qa:ask', { text: 'Überlebt das eine Sicherung?' });
    attendee.close();
    const file = join(tempDir(), 'plenum-backup.db');
    const backup = await cli('backup', ['--out', file], dataA);
    expect(backup).toMatchObject({ code: 0, err: '' });
    expect(backup.out).toMatch(/1 event\(s\), 1 question\(s\)/);
    // A second backup to the same file is refused rather than overwriting it.
    expect((await cli('backup', ['--out', file], dataA)).code).toBe(1);
    await a.close();

    const dataB = tempDir();
    const restored = await cli('restore', [file], dataB);
    expect(restored).toMatchObject({ code: 0, err: '' });
    const b = await startTestServer({}, { DATA_DIR: dataB });
    try {
      const login = await api(b.url, '/api/auth/login', { body: ORGANIZER });
      expect(login.status).toBe(200);
      const events = (await api<Array<{ id: string; title: string; questionCount: number }>>(b.url, '/api/events', { cookie: cookieFrom(login) })).body;
      expect(events).toEqual([expect.objectContaining({ id: ev.id, title: 'Gesichert', questionCount: 1 })]);
      const moderator = await connect(b, { code: ev.code, token: ev.tokens.moderator });
      const snap = await moderator.snapshot();
      expect(snap.qa.questions.map((q) => q.id)).toContain(asked.question.id);
      moderator.close();
      const again = await connect(b, { code: ev.code, token: person.token });
      expect((await again.snapshot()).me).toMatchObject({ role: 'attendee', id: person.attendeeId, name: 'Ada' });
      again.close();
      // Restoring over a database that holds events needs --force (and a stopped server).
      const refused = await cli('restore', [file], dataB);
      expect(refused.code).toBe(1);
      expect(refused.err).toMatch(/holds 1 event\(s\).*--force/);
    } finally {
      await b.close();
    }
  });

  it('refuses a damaged or foreign file and names the problem; bad arguments exit 2', async () => {
    const dir = tempDir();
    const junk = join(dir, 'junk.db');
    writeFileSync(junk, 'this is not a database at all, just text '.repeat(200));
    const foreign = join(dir, 'missing.db');
    expect((await cli('restore', [junk], tempDir())).err).toMatch(/not an SQLite database|not a Plenum database|damaged/);
    expect((await cli('restore', [foreign], tempDir())).err).toMatch(/no such file/);
    expect((await cli('backup', ['--out', join(dir, 'x.db')], tempDir())).err).toMatch(/no database here/);
    expect((await cli('backup', [], dir)).code).toBe(2);
    expect((await cli('restore', [], dir)).code).toBe(2);
    expect((await cli('restore', ['a', 'b'], dir)).code).toBe(2);
  });
});
