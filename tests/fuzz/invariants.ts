/**
 * The invariants of issue 12, checked after every fuzz case: in the database (vote count = distinct
 * voters, one answer per attendee and poll, nobody in two groups of a round) and in everything attendee
 * sockets received (no pending or rejected question or entry, no poll results the rules hide, no one
 * else's question among "own"). What attendees may see is judged against the staff view at the same seq.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../server/db/types.js';
import { onEachDelta, type Client } from '../integration/helpers.js';
import type { Delta, Snapshot } from '../../shared/socket.js';

export interface Violation {
  invariant: string;
  detail: string;
}

export async function dbViolations(db: Kysely<DB>): Promise<Violation[]> {
  const out: Violation[] = [];
  const votes = await sql<{ id: string; votes: number; rows: number }>`
    select q.id as id, q.votes as votes, (select count(*) from votes v where v.question_id = q.id) as rows
    from questions q where q.votes <> (select count(*) from votes v where v.question_id = q.id)`.execute(db);
  for (const r of votes.rows) out.push({ invariant: 'vote count = distinct voters', detail: `${r.id}: votes ${r.votes}, rows ${r.rows}` });
  const dupVotes = await sql<{ q: string; a: string }>`
    select question_id as q, attendee_id as a from votes group by question_id, attendee_id having count(*) > 1`.execute(db);
  for (const r of dupVotes.rows) out.push({ invariant: 'one vote per attendee', detail: `${r.a} on ${r.q}` });
  const answers = await sql<{ p: string; a: string }>`
    select poll_id as p, attendee_id as a from poll_answers group by poll_id, attendee_id having count(*) > 1`.execute(db);
  for (const r of answers.rows) out.push({ invariant: 'one answer per attendee per poll', detail: `${r.a} in ${r.p}` });
  const quiz = await sql<{ p: string; a: string }>`
    select poll_id as p, attendee_id as a from poll_quiz_answers group by poll_id, attendee_id, question_id having count(*) > 1`.execute(db);
  for (const r of quiz.rows) out.push({ invariant: 'one answer per attendee per quiz question', detail: `${r.a} in ${r.p}` });
  const groups = await sql<{ r: string; a: string }>`
    select round_id as r, attendee_id as a from breakout_members group by round_id, attendee_id having count(*) > 1`.execute(db);
  for (const r of groups.rows) out.push({ invariant: 'nobody in two groups of one round', detail: `${r.a} in ${r.r}` });
  return out;
}

type PollInfo = { status: string; results: string; revealed: boolean };
type StaffView = { polls: Map<string, PollInfo>; questions: Map<string, string> };

/**
 * The staff view after each seq (what the server knew when it sent the public delta of that seq), kept
 * from a moderator socket's snapshot and deltas.
 */
export class StaffTimeline {
  private versions: Array<{ seq: number; view: StaffView }> = [];
  private current: StaffView = { polls: new Map(), questions: new Map() };
  seq = -1;

  constructor(snapshot: Snapshot, client: Client) {
    for (const p of snapshot.polls.polls as Array<Record<string, any>>) this.current.polls.set(p.id, info(p));
    for (const q of snapshot.qa.questions) this.current.questions.set(q.id, q.state);
    this.seq = snapshot.seq;
    this.versions.push({ seq: snapshot.seq, view: clone(this.current) });
    onEachDelta(client.socket, (d) => this.apply(d));
  }

  private apply(d: Delta): void {
    if (d.seq <= this.seq) return;
    for (const c of d.changes as Array<Record<string, any>>) {
      if (c.type === 'polls:upsert') this.current.polls.set(c.poll.id, info(c.poll));
      else if (c.type === 'polls:remove') this.current.polls.delete(c.id);
      else if (c.type === 'question:upsert') this.current.questions.set(c.question.id, c.question.state);
      else if (c.type === 'question:remove') this.current.questions.delete(c.id);
    }
    this.seq = d.seq;
    this.versions.push({ seq: d.seq, view: clone(this.current) });
    if (this.versions.length > 4000) this.versions.splice(0, 2000);
  }

  at(seq: number): StaffView | undefined {
    for (let i = this.versions.length - 1; i >= 0; i--) if (this.versions[i]!.seq <= seq) return this.versions[i]!.view;
    return undefined;
  }
}

const info = (p: Record<string, any>): PollInfo => ({ status: p.status, results: p.settings.results, revealed: !!p.revealed });
const clone = (v: StaffView): StaffView => ({ polls: new Map(v.polls), questions: new Map(v.questions) });

/** The rule of docs/protocol.md, spelled out independently of server/polls/core/visibility.ts. */
function attendeeMaySeeResults(p: PollInfo): boolean {
  if (p.status === 'draft') return false;
  if (p.revealed || p.results === 'live') return true;
  return p.results === 'afterClose' && p.status === 'closed';
}

const HIDDEN_STATES = new Set(['pending', 'rejected']);

/** Any object with a hidden state (questions, open-text entries) inside what an attendee received. */
function hiddenObjects(value: unknown, path: string, out: string[], skip: ReadonlySet<string>): void {
  if (Array.isArray(value)) value.forEach((v, i) => hiddenObjects(v, `${path}[${i}]`, out, skip));
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.state === 'string' && HIDDEN_STATES.has(o.state) && ('text' in o || 'question' in o)) out.push(`${path} (${String(o.id)} ${o.state})`);
    for (const [k, v] of Object.entries(o)) if (!skip.has(k)) hiddenObjects(v, `${path}.${k}`, out, skip);
  }
}

/**
 * Staff-only data inside what an attendee received: a question's vote alert (ballot stuffing) or its change.
 * The event settings carry `voteAlert` as a boolean (the public defaults), which is allowed.
 */
export function staffOnly(value: unknown, path: string, out: string[]): void {
  if (Array.isArray(value)) value.forEach((v, i) => staffOnly(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (o.type === 'question:voteAlert') out.push(`${path} (question:voteAlert)`);
    if ('voteAlert' in o && typeof o.voteAlert !== 'boolean') out.push(`${path}.voteAlert`);
    for (const [k, v] of Object.entries(o)) staffOnly(v, `${path}.${k}`, out);
  }
}

/**
 * Records what one attendee socket receives and checks it. Deltas are checked once the staff timeline
 * has reached their seq.
 */
export class AttendeeWatch {
  private pending: Array<{ seq: number; what: string; check: (view: StaffView) => string[] }> = [];
  received = 0;
  private ownSeen: string[] = [];
  private erasedSeen: Array<{ id: string; empty: boolean }> = [];

  constructor(readonly attendeeId: string, client: Client, private readonly staff: StaffTimeline, private readonly violations: Violation[]) {
    // Attendees get a tick's deltas as one sync:deltas (a lone one as sync:delta): every one is checked.
    onEachDelta(client.socket, (d) => {
      this.received++;
      this.pending.push({ seq: d.seq, what: 'sync:delta', check: (view) => this.checkChanges(d.changes as Array<Record<string, any>>, view) });
    });
    client.socket.on('sync:personal', ({ changes }) => {
      this.received++;
      const leaked: string[] = [];
      staffOnly(changes, 'personal', leaked);
      for (const l of leaked) this.violations.push({ invariant: 'attendees see only what they may', detail: `sync:personal to ${this.attendeeId}: staff-only ${l}` });
      for (const c of changes as Array<Record<string, any>>) {
        if (c.type !== 'qa:own') continue;
        // An erased question (its author withdrew it) no longer names its author in the database: the
        // tombstone its author's tabs get must carry nothing, and the row must be erased.
        if (c.question.state === 'withdrawn') this.erasedSeen.push({ id: c.question.id, empty: c.question.text === '' && c.question.authorName === null });
        else this.ownSeen.push(c.question.id);
      }
    });
  }

  /** A snapshot an attendee received in an ack: the same rules (its own questions aside). */
  snapshot(s: Snapshot): void {
    this.pending.push({
      seq: s.seq,
      what: 'sync:snapshot',
      check: (view) => {
        const found: string[] = [];
        hiddenObjects(s, 'snapshot', found, new Set(['own', 'mine']));
        const leaked: string[] = [];
        staffOnly(s, 'snapshot', leaked);
        found.push(...leaked.map((l) => `staff-only ${l}`));
        const polls = (s.polls.polls as Array<Record<string, any>>).map((poll) => ({ type: 'polls:upsert', poll }));
        return [...found.map((f) => `hidden item in ${f}`), ...this.checkChanges(polls, view)];
      },
    });
  }

  private checkChanges(changes: Array<Record<string, any>>, view: StaffView): string[] {
    const found: string[] = [];
    const hidden: string[] = [];
    hiddenObjects(changes, 'changes', hidden, new Set());
    found.push(...hidden.map((h) => `hidden item in ${h}`));
    const leaked: string[] = [];
    staffOnly(changes, 'changes', leaked);
    found.push(...leaked.map((l) => `staff-only ${l}`));
    for (const c of changes) {
      const results: Array<[string, unknown]> =
        c.type === 'polls:upsert' ? [[c.poll.id, c.poll.results]]
        : c.type === 'polls:tallies' ? Object.entries(c.polls as Record<string, { results: unknown }>).map(([id, t]) => [id, t.results])
        : [];
      for (const [id, r] of results) {
        const p = view.polls.get(id);
        if (r != null && p && !attendeeMaySeeResults(p)) found.push(`results of poll ${id} (${p.results}, ${p.status}, revealed ${p.revealed})`);
      }
      const ids: string[] = c.type === 'qa:highlight' && c.id ? [c.id] : c.type === 'qa:queue' ? c.ids : [];
      for (const id of ids) {
        const state = view.questions.get(id);
        if (state && HIDDEN_STATES.has(state)) found.push(`${c.type} names ${state} question ${id}`);
      }
    }
    return found;
  }

  /** Questions sent as "own" must have this attendee as author (the database says who asked). */
  async checkOwn(db: Kysely<DB>): Promise<void> {
    const erased = this.erasedSeen.splice(0);
    for (const e of erased) if (!e.empty) this.violations.push({ invariant: 'an erased question carries nothing', detail: `${e.id} sent to ${this.attendeeId}` });
    if (erased.length) {
      const rows = await db.selectFrom('questions').select(['id', 'author_id', 'state', 'text']).where('id', 'in', erased.map((e) => e.id)).execute();
      for (const r of rows) {
        if (r.state === 'withdrawn' && (r.author_id !== null || r.text !== '')) {
          this.violations.push({ invariant: 'a withdrawn question is erased in the database', detail: `${r.id}` });
        }
      }
    }
    const ids = this.ownSeen.splice(0);
    if (!ids.length) return;
    const rows = await db.selectFrom('questions').select(['id', 'author_id', 'state']).where('id', 'in', ids).execute();
    for (const r of rows) {
      // Erased since it was sent (its author withdrew it in a later case): the row no longer names anyone to
      // compare with; that the erasure left nothing is checked above when its tombstone arrives.
      if (r.author_id === null && r.state === 'withdrawn') continue;
      if (r.author_id !== this.attendeeId) this.violations.push({ invariant: 'own questions only to their author', detail: `${r.id} of ${r.author_id} sent to ${this.attendeeId}` });
    }
  }

  /** Checks everything the staff timeline has caught up with; returns how many items are still waiting. */
  flush(): number {
    const ready = this.pending.filter((p) => p.seq <= this.staff.seq);
    this.pending = this.pending.filter((p) => p.seq > this.staff.seq);
    for (const p of ready) {
      const view = this.staff.at(p.seq);
      if (!view) continue;
      for (const detail of p.check(view)) this.violations.push({ invariant: 'attendees see only what they may', detail: `${p.what} seq ${p.seq} to ${this.attendeeId}: ${detail}` });
    }
    return this.pending.length;
  }
}
