/** docs/privacy.md promises: no IP address is stored; the client loads nothing from other hosts. */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, connect, createEvent, joinAttendee, setupOrganizer, startTestServer, type TestServer } from './helpers.js';

describe('privacy promises', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => {
    await t.close();
  });

  it('stores no IP address: no column is named for one and no stored value contains the client address', async () => {
    const cookie = await setupOrganizer(t);
    const ev = await createEvent(t, cookie);
    const person = await joinAttendee(t, ev.code, 'Ada');
    const c = await connect(t, { code: ev.code, token: person.token });
    await c.ok('qa:ask', { text: 'Wird meine Adresse gespeichert?' });
    c.close();
    await api(t.url, '/api/auth/login', { body: { email: 'x@example.org', password: 'falsch-falsch' } });
    const db = t.server.kernel.db;
    const tables = (await db.introspection.getTables()).filter((tb) => !tb.name.startsWith('kysely_'));
    expect(tables.length).toBeGreaterThan(10);
    const columns = tables.flatMap((tb) => tb.columns.map((col) => `${tb.name}.${col.name}`));
    expect(columns.filter((n) => /(^|[._])(ip|ip_address|remote_addr|address|user_agent)$/i.test(n))).toEqual([]);
    for (const tb of tables) {
      const rows = await db.selectFrom(tb.name as 'events').selectAll().execute();
      const text = JSON.stringify(rows);
      expect(text, tb.name).not.toMatch(/127\.0\.0\.1|::1|::ffff:/);
    }
  });

  it('the built client references no other host for scripts, styles or fonts', () => {
    const root = join(import.meta.dirname, '../../client');
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.(tsx?|html|css)$/.test(name) && !/\.test\.tsx?$/.test(name)) files.push(path);
      }
    };
    walk(root);
    const external: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      // <script src>, <link href>, @import and url() pointing at another host
      for (const m of text.matchAll(/(?:src|href)=["'](https?:)?\/\/[^"']+["']|@import\s+["']?(https?:)?\/\/[^"';]+|url\(\s*["']?(https?:)?\/\/[^)]+\)/g)) external.push(`${file}: ${m[0]}`);
    }
    expect(external).toEqual([]);
  });
});
