/**
 * The fuzzer's invariant checks can fail: each is shown a state that breaks it (a forged vote count, a
 * pending question and hidden results in what an attendee received) and must report it.
 */
import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { DB } from '../../server/db/types.js';
import type { Snapshot } from '../../shared/socket.js';
import { connect, createEvent, joinAttendee, serverWithOrganizer, type Client } from '../integration/helpers.js';
import { AttendeeWatch, StaffTimeline, dbViolations, type Violation } from './invariants.js';

/** A stand-in socket that lets the test deliver server events by hand. */
function fakeClient() {
  const handlers = new Map<string, (payload: any) => void>();
  const client = { socket: { on: (event: string, fn: (payload: any) => void) => handlers.set(`${event}:${handlers.size}`, fn) } } as unknown as Client;
  const deliver = (event: string, payload: unknown) => {
    for (const [k, fn] of handlers) if (k.startsWith(`${event}:`)) fn(payload);
  };
  return { client, deliver };
}

const poll = (results: string, status: string, revealed: boolean) => ({
  id: 'p1', status, revealed, settings: { results }, results: { kind: 'choice', counts: { a: 1 } },
});

describe('fuzz invariants', () => {
  const ctx = serverWithOrganizer();

  it('a vote count that differs from the vote rows is reported', async () => {
    const ev = await createEvent(ctx.t, ctx.cookie, { settings: { qa: { premoderation: false } } });
    const { token } = await joinAttendee(ctx.t, ev.code, 'Zähler');
    const attendee = await connect(ctx.t, { code: ev.code, token });
    const asked = await attendee.ok('qa:ask', { text: 'Stimmt die Zahl der Stimmen?' });
    attendee.close();
    const db = ctx.t.server.kernel.db as unknown as Kysely<DB>;
    expect(await dbViolations(db)).toEqual([]);
    await db.updateTable('questions').set({ votes: 3 }).where('id', '=', asked.question.id).execute();
    expect((await dbViolations(db)).map((v) => v.invariant)).toContain('vote count = distinct voters');
  });

  it('a pending question or hidden results reaching an attendee are reported, allowed ones are not', () => {
    const violations: Violation[] = [];
    const staffSocket = fakeClient();
    const snapshot = { seq: 1, polls: { polls: [poll('hidden', 'open', false)] }, qa: { questions: [] } } as unknown as Snapshot;
    const staff = new StaffTimeline(snapshot, staffSocket.client);
    const attendee = fakeClient();
    const watch = new AttendeeWatch('a1', attendee.client, staff, violations);

    // Allowed: an approved question, and no results for the hidden poll.
    attendee.deliver('sync:delta', { seq: 2, changes: [{ type: 'question:upsert', question: { id: 'q1', text: 'ok', state: 'live' } }, { type: 'polls:tallies', polls: { p1: { responses: 1, results: null } } }] });
    staffSocket.deliver('sync:delta', { seq: 2, changes: [] });
    watch.flush();
    expect(violations).toEqual([]);

    attendee.deliver('sync:delta', { seq: 3, changes: [{ type: 'question:upsert', question: { id: 'q2', text: 'geheim', state: 'pending' } }] });
    attendee.deliver('sync:delta', { seq: 4, changes: [{ type: 'polls:tallies', polls: { p1: { responses: 1, results: { kind: 'choice', counts: { a: 1 } } } } }] });
    // Not judged before the staff view has reached the seq.
    expect(watch.flush()).toBe(2);
    staffSocket.deliver('sync:delta', { seq: 3, changes: [] });
    staffSocket.deliver('sync:delta', { seq: 4, changes: [] });
    watch.flush();
    expect(violations.map((v) => v.detail).join('\n')).toMatch(/q2 pending[\s\S]*results of poll p1/);

    // Revealed: the same results are fine.
    violations.length = 0;
    staffSocket.deliver('sync:delta', { seq: 5, changes: [{ type: 'polls:upsert', poll: poll('hidden', 'open', true) }] });
    attendee.deliver('sync:delta', { seq: 5, changes: [{ type: 'polls:tallies', polls: { p1: { responses: 1, results: { kind: 'choice', counts: { a: 1 } } } } }] });
    watch.flush();
    expect(violations).toEqual([]);
  });

  it('a vote alert reaching an attendee is reported; the boolean setting of the same name is not', () => {
    const violations: Violation[] = [];
    const staffSocket = fakeClient();
    const staff = new StaffTimeline({ seq: 1, polls: { polls: [] }, qa: { questions: [] } } as unknown as Snapshot, staffSocket.client);
    const attendee = fakeClient();
    const watch = new AttendeeWatch('a1', attendee.client, staff, violations);
    attendee.deliver('sync:delta', { seq: 2, changes: [{ type: 'event:update', event: { settings: { qa: { voteAlert: true } } } }] });
    attendee.deliver('sync:delta', { seq: 3, changes: [{ type: 'question:voteAlert', id: 'q1', alert: null }] });
    attendee.deliver('sync:delta', { seq: 4, changes: [{ type: 'question:upsert', question: { id: 'q1', text: 'x', state: 'live', voteAlert: { newVoters: 30, sharedAddress: 30, since: 't' } } }] });
    staffSocket.deliver('sync:delta', { seq: 4, changes: [] });
    watch.flush();
    expect(violations.map((v) => v.detail)).toEqual([
      expect.stringMatching(/seq 3 .*question:voteAlert/),
      expect.stringMatching(/seq 4 .*question\.voteAlert/),
    ]);
  });
});
