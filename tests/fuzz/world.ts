/**
 * A populated event for the attack suites: a real server, one socket per role of shared/kernel/roles.ts
 * (link roles from the event's links, so a role added there is covered), questions in every state, open
 * polls with each results rule, a started breakout round, and a second event of another organizer whose
 * ids the fuzzer mixes in.
 */
import type { Kysely } from 'kysely';
import { LinkRole, Role } from '../../shared/kernel/roles.js';
import type { Snapshot } from '../../shared/socket.js';
import { createOrganizer } from '../../server/auth/organizers.js';
import type { DB } from '../../server/db/types.js';
import { KERNEL_LIMITS, type BucketSpec } from '../../server/kernel/rate-limit.js';
import {
  api, connect, cookieFrom, createEvent, joinAttendee, setupOrganizer, startTestServer, tokenOf,
  type Client, type ConnectOptions, type TestEvent, type TestServer,
} from '../integration/helpers.js';

export const ROLES = Role.options;
export const LINK_ROLES = LinkRole.options;

export interface World {
  t: TestServer;
  db: Kysely<DB>;
  cookie: string;
  ev: TestEvent;
  foreign: TestEvent;
  foreignCookie: string;
  attendees: Array<{ attendeeId: string; token: string }>;
  /** An attendee of the foreign event. */
  foreignAttendee: { attendeeId: string; token: string };
}

/**
 * The suites send thousands of commands from a few identities: every rate limit of the kernel and the
 * modules is lifted (limits are tested with their real values in flood.test.ts and limits.test.ts).
 * The module limits are known only once the modules are registered, so the specs are replaced in place.
 */
function liftLimits(t: TestServer): void {
  const kinds = new Set([...Object.keys(KERNEL_LIMITS), ...t.server.kernel.modules.flatMap((m) => Object.keys(m.limits ?? {}))]);
  const specs = (t.server.kernel.limiter as unknown as { specs: Record<string, BucketSpec> }).specs;
  // 1e12: also the byte budget of snapshots (a cost bucket, counted in bytes) never meets a test.
  for (const kind of kinds) specs[kind] = { capacity: 1e12, perMs: 1_000 };
}

/** ConnectOptions for a role of this event (organizer: the owner's cookie; attendee: the given token). */
export function credentials(w: World, role: Role, attendeeToken?: string): ConnectOptions {
  if (role === 'organizer') return { code: w.ev.code, cookie: w.cookie };
  if (role === 'attendee') return { code: w.ev.code, token: attendeeToken ?? w.attendees[0]!.token };
  const links = w.ev.links.links as Record<string, string>;
  return { code: w.ev.code, token: tokenOf(links[role]!) };
}

export async function startWorld(opts: { liftLimits?: boolean } = {}): Promise<World> {
  const t = await startTestServer({}, { JOIN_LIMIT_PER_MINUTE: '100000' });
  if (opts.liftLimits !== false) liftLimits(t);
  const db = t.server.kernel.db as unknown as Kysely<DB>;
  const cookie = await setupOrganizer(t);
  const ev = await createEvent(t, cookie, { title: 'Angriffsziel', settings: { qa: { premoderation: true } } });
  // The foreign event belongs to another organizer: neither its ids nor its owner may touch this one.
  const other = { email: 'fremd@example.org', password: 'fremdes-passwort-123' };
  await createOrganizer(db, other, new Date());
  const foreignCookie = cookieFrom(await api(t.url, '/api/auth/login', { body: other }));
  const foreign = await createEvent(t, foreignCookie, { title: 'Fremd', settings: { qa: { premoderation: false } } });
  const attendees = [];
  for (let i = 0; i < 4; i++) attendees.push(await joinAttendee(t, ev.code, `Teilnehmer ${i}`));
  const foreignAttendee = await joinAttendee(t, foreign.code, 'Fremder');
  const w: World = { t, db, cookie, ev, foreign, foreignCookie, attendees, foreignAttendee };
  await seed(w, ev, cookie, attendees.map((a) => a.token));
  await seed(w, foreign, foreignCookie, [foreignAttendee.token]);
  return w;
}

const single = (question: string) => ({ type: 'single', question, options: [{ id: 'o1', text: 'Ja' }, { id: 'o2', text: 'Nein' }] });

/** Content in every state the invariants talk about; safe to call again when the fuzzer deleted things. */
export async function seed(w: World, ev: TestEvent, cookie: string, attendeeTokens: string[]): Promise<void> {
  const org = await connect(w.t, { code: ev.code, cookie });
  const people: Client[] = [];
  try {
    for (const token of attendeeTokens) people.push(await connect(w.t, { code: ev.code, token }));
    const asked = [];
    for (const [i, p] of people.entries()) {
      for (let k = 0; k < 3; k++) {
        const res = await p.call('qa:ask', { text: `Saatfrage ${i}-${k}: was passiert bei Angriffen?` });
        if (res.ok) asked.push(res.question.id);
      }
    }
    // One approved, one rejected, the rest pending (or approved where premoderation is off).
    if (asked[0]) await org.call('qa:approve', { id: asked[0] });
    if (asked[1]) await org.call('qa:reject', { id: asked[1] });
    for (const results of ['live', 'afterClose', 'hidden'] as const) {
      const created = await org.call('polls:create', { definition: single(`Umfrage ${results}?`), settings: { results, allowChange: true } } as never);
      if (created.ok) await org.call('polls:open', { id: (created as unknown as { poll: { id: string } }).poll.id });
    }
    const planned = await org.call('breakouts:plan', { groups: 2 } as never);
    const round = planned.ok ? (planned as unknown as { rounds: Array<{ id: string }> }).rounds[0] : undefined;
    if (round) await org.call('breakouts:start', { roundId: round.id });
  } finally {
    org.close();
    for (const p of people) p.close();
  }
}

/**
 * Every string under a key `id` / `…Id` / `…Ids` of a snapshot (the ids an attacker could learn or guess),
 * by the name of the list the object was in (`questions`, `polls`, `options`, `rounds` …).
 */
export function idsOf(value: unknown, out: Record<string, Set<string>> = {}, key = '', list = 'other', feature = ''): Record<string, Set<string>> {
  const idKey = /(^id$|Id$|Ids$|^ids$)/.test(key);
  if (typeof value === 'string' && idKey) (out[`${feature}:${key === 'id' ? list : key}`] ??= new Set()).add(value);
  else if (Array.isArray(value)) for (const v of value) idsOf(v, out, key, key === 'id' || idKey ? list : key, feature);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) idsOf(v, out, k, list, feature || k);
  return out;
}

export async function staffSnapshot(w: World, ev: TestEvent, cookie: string): Promise<Snapshot> {
  const c = await connect(w.t, { code: ev.code, cookie });
  try {
    return await c.snapshot();
  } finally {
    c.close();
  }
}
