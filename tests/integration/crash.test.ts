/**
 * Durability: a server process killed with SIGKILL right after acknowledging N questions and votes is
 * restarted on the same data, and all N are there ("acknowledged = committed").
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ORGANIZER, api, connect, cookieFrom, createEvent, joinAttendee, type Client, type TestServer } from './helpers.js';

const root = resolve(import.meta.dirname, '../..');
const dataDir = mkdtempSync(join(tmpdir(), 'plenum-crash-'));
const children: ChildProcess[] = [];

interface Started {
  child: ChildProcess;
  url: string;
  output: () => string;
}

function startProcess(): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'warn', DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  return new Promise((resolveStart, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Plenum listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        // Give the setup line (printed right after) a moment to arrive.
        setTimeout(() => resolveStart({ child, url: match[1]!, output: () => output }), 50);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
}

afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

describe('crash safety', () => {
  it('everything acknowledged before SIGKILL is there after a restart', async () => {
    const first = await startProcess();
    const t = { url: first.url } as TestServer;
    const setup = /\/setup\?token=([\w-]+)/.exec(first.output());
    expect(setup, 'setup link printed on first start').not.toBeNull();
    const cookie = cookieFrom(await api(t.url, '/api/setup', { body: { token: setup![1], ...ORGANIZER } }));
    const ev = await createEvent(t, cookie, { settings: { qa: { premoderation: false } } });

    const attendees: Array<{ token: string; client: Client }> = [];
    for (let i = 0; i < 6; i++) {
      const { token } = await joinAttendee(t, ev.code, `Person ${i}`);
      attendees.push({ token, client: await connect(t, { code: ev.code, token }) });
    }
    // 6 attendees × 3 questions (the per-minute limit), asked concurrently.
    const asked = await Promise.all(
      attendees.flatMap(({ client }, i) => [0, 1, 2].map((k) => client.ok('qa:ask', { text: `Frage ${i}-${k}: bleibt die erhalten?` }))),
    );
    const questionIds = asked.map((a) => a.question.id);
    expect(new Set(questionIds).size).toBe(18);

    // Every attendee upvotes a different slice of questions; count what was acknowledged.
    const expectedVotes = new Map(questionIds.map((id) => [id, 0]));
    const votes = attendees.flatMap(({ client }, i) =>
      questionIds.filter((_, k) => (k + i) % 3 !== 0).map(async (id) => {
        const res = await client.ok('qa:vote', { id, up: true });
        if (res.voted) expectedVotes.set(id, expectedVotes.get(id)! + 1);
      }),
    );
    await Promise.all(votes);
    const acknowledged = [...expectedVotes.values()].reduce((a, b) => a + b, 0);
    expect(acknowledged).toBe(72);

    // No graceful anything: the process dies right after the last ack.
    const exited = new Promise((r) => first.child.once('exit', r));
    first.child.kill('SIGKILL');
    await exited;
    for (const { client } of attendees) client.close();

    const second = await startProcess();
    try {
      expect(second.output()).not.toContain('/setup?token=');
      const t2 = { url: second.url } as TestServer;
      const login = await api(t2.url, '/api/auth/login', { body: ORGANIZER });
      expect(login.status).toBe(200);
      const mod = await connect(t2, { code: ev.code, token: ev.tokens.moderator });
      const snap = await mod.snapshot();
      expect(snap.qa.questions.map((q) => q.id).sort()).toEqual([...questionIds].sort());
      for (const q of snap.qa.questions) expect(q.votes, q.id).toBe(expectedVotes.get(q.id));
      // The attendee identities survived too: the same token is the same person with the same votes.
      const back = await connect(t2, { code: ev.code, token: attendees[1]!.token });
      const mine = await back.snapshot();
      expect(mine.qa.own).toHaveLength(3);
      expect(mine.qa.myVotes).toHaveLength(12);
      const again = await back.ok('qa:vote', { id: mine.qa.myVotes[0]!, up: true });
      expect(again.voted).toBe(true);
      // The seq keeps counting from where it was: reconnecting clients never see it go backwards.
      expect(snap.seq).toBeGreaterThanOrEqual(18);
      mod.close();
      back.close();
    } finally {
      const exited2 = new Promise((r) => second.child.once('exit', r));
      second.child.kill('SIGTERM');
      await exited2;
      expect(second.child.exitCode).toBe(0);
    }
  }, 60_000);
});
