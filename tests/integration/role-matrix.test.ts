/**
 * Suite 2 of issue 12, the role matrix: every command of shared/socket.ts × every role of
 * shared/kernel/roles.ts, plus identities that must not get in at all (an organizer of another event, no
 * credentials, a rotated link token, an expired session). A command is allowed exactly where the command
 * table says (docs.test.ts checks docs/protocol.md against the same table); a refusal is `forbidden`
 * (`unauthorized` at the handshake for those who must not get in) and changes nothing in the staff view.
 * Then the same for every REST route of docs/api.md, with the auth each section names.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../shared/kernel/roles.js';
import { commands, type CommandName, type Snapshot } from '../../shared/socket.js';
import { sha256Hex } from '../../server/auth/tokens.js';
import { jsonSchemaOf, valid, type IdPool } from '../fuzz/arbitraries.js';
import { LINK_ROLES, ROLES, credentials, idsOf, startWorld, type World } from '../fuzz/world.js';
import { defs } from './polls-helpers.js';
import { ORGANIZER, api, connect, connectError, cookieFrom, createEvent, stable, tokenOf, type ApiResponse, type Client } from './helpers.js';

const names = Object.keys(commands) as CommandName[];
/** The kernel's refusal for a role outside the command's roles (server/kernel/dispatch.ts). */
const ROLE_REFUSAL = /role may not send/;
const root = resolve(import.meta.dirname, '../..');

/** The staff view without what moves on its own (seq, the clock, presence). */
function comparable(s: Snapshot): unknown {
  const { seq: _seq, ...rest } = stable(s) as Snapshot;
  return JSON.parse(JSON.stringify(rest, (k, v) => (k === 'present' || k === 'online' || k === 'lastSeenAt' ? undefined : v)));
}

describe('role matrix (issue 12, suite 2)', () => {
  let w: World;
  let staff: Client;
  const sockets = new Map<Role, Client>();
  const pool: IdPool = { ids: [], byList: {} };
  let rotatedToken: string;
  let expiredCookie: string;

  beforeAll(async () => {
    w = await startWorld();
    // A rotated link: the stage link is replaced, its old token must be dead (the new one is used below).
    rotatedToken = tokenOf(w.ev.links.links.stage);
    const rotated = await api(w.t.url, `/api/events/${w.ev.id}/links/stage/rotate`, { method: 'POST', cookie: w.cookie });
    expect(rotated.status).toBe(200);
    w.ev.links.links = (rotated.body as { links: typeof w.ev.links.links }).links;
    // An expired session of the owner: a second login whose session has run out.
    expiredCookie = cookieFrom(await api(w.t.url, '/api/auth/login', { body: ORGANIZER }));
    const token = expiredCookie.split('=')[1]!;
    await w.db.updateTable('sessions').set({ expires_at: new Date(Date.now() - 60_000).toISOString() }).where('id', '=', sha256Hex(token)).execute();

    for (const role of ROLES) sockets.set(role, await connect(w.t, credentials(w, role)));
    staff = await connect(w.t, credentials(w, 'organizer'));
    const found = idsOf(await staff.snapshot());
    pool.byList = Object.fromEntries(Object.entries(found).map(([list, ids]) => [list, [...ids]]));
    pool.ids = [...new Set(Object.values(pool.byList).flat())];
  });

  afterAll(async () => {
    for (const c of sockets.values()) c.close();
    staff?.close();
    await w?.t.close();
  });

  it('those who must not get in are refused at the handshake, for every command', async () => {
    const outsiders: Record<string, Parameters<typeof connectError>[1]> = {
      'no credentials': { code: w.ev.code },
      'rotated link token': { code: w.ev.code, token: rotatedToken },
      'expired session': { code: w.ev.code, cookie: expiredCookie },
      'link token of another event': { code: w.ev.code, token: tokenOf(w.foreign.links.links.moderator) },
      'attendee token of another event': { code: w.ev.code, token: w.foreignAttendee.token },
      'a made-up token': { code: w.ev.code, token: 'x'.repeat(43) },
    };
    for (const [who, opts] of Object.entries(outsiders)) expect(await connectError(w.t, opts), who).toBe('unauthorized');
    // docs/api.md: "All organizers of an installation share all its events" — an organizer whose own event is
    // another one is still an organizer here (the "foreign organizer" exists only across installations).
    const colleague = await connect(w.t, { code: w.ev.code, cookie: w.foreignCookie });
    expect((await colleague.snapshot()).me.role).toBe('organizer');
    colleague.close();
    console.log(`role matrix, handshake: ${Object.keys(outsiders).length} outsiders × ${names.length} commands = ${Object.keys(outsiders).length * names.length} refused up front`);
  });

  it('every command × every role: forbidden exactly where the table says, and a refusal changes nothing', async () => {
    const payloads = new Map(names.map((n, i) => [n, fc.sample(valid(jsonSchemaOf(commands[n].payload), pool), { numRuns: 1, seed: 4711 + i })[0]]));
    let before = comparable(await staff.snapshot());
    let refused = 0;
    const wrong: string[] = [];
    // Refusals first, each compared with the staff view before it, then the allowed calls.
    for (const name of names) {
      for (const role of ROLES) {
        if ((commands[name].roles as readonly string[]).includes(role)) continue;
        const res = await sockets.get(role)!.send(name, payloads.get(name));
        if (res.ok || res.error.code !== 'forbidden' || !ROLE_REFUSAL.test(res.error.message)) wrong.push(`${role} ${name}: ${JSON.stringify(res).slice(0, 120)}`);
        const after = comparable(await staff.snapshot());
        if (JSON.stringify(after) !== JSON.stringify(before)) wrong.push(`${role} ${name} was refused but changed the staff view`);
        before = after;
        refused++;
      }
    }
    let allowed = 0;
    for (const name of names) {
      for (const role of commands[name].roles as readonly Role[]) {
        const client = sockets.get(role)!;
        if (!client.socket.connected) sockets.set(role, await connect(w.t, credentials(w, role)));
        const res = await sockets.get(role)!.send(name, payloads.get(name));
        // A domain rule may still say forbidden (not your question); the role check must not.
        if (!res.ok && ROLE_REFUSAL.test(res.error.message)) wrong.push(`${role} ${name} allowed by the table but refused: ${res.error.code}`);
        allowed++;
      }
    }
    console.log(`role matrix, commands: ${names.length} commands × ${ROLES.length} roles = ${refused + allowed} cells (${allowed} allowed, ${refused} refused), ${wrong.length} wrong`);
    expect(wrong).toEqual([]);
  });

  it('every REST route of docs/api.md answers each identity as its section says', async () => {
    const doc = readFileSync(resolve(root, 'docs/api.md'), 'utf8');
    const routes = restRoutes(doc);
    expect(routes.length).toBeGreaterThanOrEqual(20);
    const poll = (await staff.snapshot()).polls.polls[0]!;
    // The leaderboard exists for quizzes only ("not a quiz → 404").
    const quiz = await staff.ok('polls:create', { definition: defs.quiz } as never);
    const quizId = (quiz as unknown as { poll: { id: string } }).poll.id;
    const wrong: string[] = [];
    let cells = 0;

    type Who = { name: string; headers: Record<string, string>; cookie?: string; kind: 'owner' | 'none' | 'token'; role?: string };
    const links = () => w.ev.links.links as Record<string, string>;
    const identities = (): Who[] => [
      { name: 'owner', headers: {}, cookie: w.cookie, kind: 'owner' },
      { name: 'organizer of another event (a colleague: events are shared)', headers: {}, cookie: w.foreignCookie, kind: 'owner' },
      { name: 'no credentials', headers: {}, kind: 'none' },
      { name: 'expired session', headers: {}, cookie: expiredCookie, kind: 'none' },
      { name: 'rotated token', headers: { authorization: `Bearer ${rotatedToken}` }, kind: 'none' },
      { name: 'moderator token of another event', headers: { authorization: `Bearer ${tokenOf(w.foreign.links.links.moderator)}` }, kind: 'none' },
      { name: 'attendee token', headers: { authorization: `Bearer ${w.attendees[0]!.token}` }, kind: 'token', role: 'attendee' },
      ...LINK_ROLES.map((role): Who => ({ name: `${role} token`, headers: { authorization: `Bearer ${tokenOf(links()[role]!)}` }, kind: 'token', role })),
    ];

    for (const route of routes) {
      for (const who of identities()) {
        // Mutating routes run against a throwaway event, so the owner's success does not change the matrix.
        const target = route.mutates ? await createEvent(w.t, w.cookie, { title: 'Wegwerf' }) : w.ev;
        const tokens = target === w.ev ? who : rebind(who, target.links.links as Record<string, string>);
        const path = route.path.replace(':id', target.id).replace(':code', target.code).replace(':pollId', route.path.includes('leaderboard') ? quizId : poll.id).replace(':role', 'moderator');
        const beforeView = route.eventScoped && who.kind !== 'owner' ? await ownerView(target.id) : null;
        // Logging out ends the session: the owner logs out a session of its own.
        const cookie = route.path === '/api/auth/logout' && tokens.cookie ? cookieFrom(await api(w.t.url, '/api/auth/login', { body: ORGANIZER })) : tokens.cookie;
        const res = await api(w.t.url, path, { method: route.method, cookie, headers: { ...tokens.headers, ...route.headers }, ...route.body });
        cells++;
        const verdict = judge(route, who, res);
        if (verdict) wrong.push(`${route.method} ${route.path} as ${who.name}: ${res.status} (${verdict})`);
        if (beforeView !== null && res.status >= 400) {
          const afterView = await ownerView(target.id);
          if (afterView !== beforeView) wrong.push(`${route.method} ${route.path} as ${who.name}: refused but changed the event`);
        }
      }
    }
    console.log(`role matrix, REST: ${routes.length} routes × ${identities().length} identities = ${cells} cells, ${wrong.length} wrong`);
    expect(wrong).toEqual([]);
  });

  /** The event as its owner sees it over REST and sockets, for "nothing changed". */
  async function ownerView(eventId: string): Promise<string> {
    const details = await api(w.t.url, `/api/events/${eventId}`, { cookie: w.cookie });
    const { questionCount, ...rest } = details.body as Record<string, unknown>;
    return JSON.stringify({ rest, questionCount });
  }
});

interface Route {
  method: string;
  path: string;
  /** Who may call it, from the section's text. */
  auth: 'public' | 'session' | 'organizer';
  /** A link role whose token the section also accepts. */
  tokenRole: string | null;
  eventScoped: boolean;
  mutates: boolean;
  body: { body?: unknown; raw?: string };
  headers: Record<string, string>;
}

/** Valid bodies for the routes that need one (a new route gets `{}`, which its schema may refuse: 400 is judged too). */
const BODIES: Record<string, { body?: unknown; raw?: string }> = {
  'POST /api/events': { body: { title: 'Neu', format: 'talk' } },
  'PATCH /api/events/:id': { body: { title: 'Umbenannt' } },
  'POST /api/events/:id/questions': { body: { text: 'Von außen importiert?', authorName: 'Kim', label: 'Zoom' } },
  'POST /api/events/:id/roster': { raw: 'name,email\nAnna,anna@example.org\n' },
  'POST /api/join/:code/attendees': { body: { name: 'Neu' } },
  'POST /api/auth/login': { body: { email: 'niemand@example.org', password: 'falsch-falsch' } },
  'POST /api/setup': { body: { token: 'x'.repeat(32), email: 'x@example.org', password: 'geheim-geheim' } },
};

/** Every `### \`METHOD /path\`` of docs/api.md, with the auth its section (or the section's chapter) names. */
function restRoutes(doc: string): Route[] {
  const out: Route[] = [];
  const headings = [...doc.matchAll(/^### `(GET|POST|PATCH|PUT|DELETE) ([^`]+)`/gm)];
  for (const [i, h] of headings.entries()) {
    const [, method, path] = h as unknown as [string, string, string];
    const end = headings[i + 1]?.index ?? doc.length;
    const own = doc.slice(h.index!, end);
    const chapterStart = doc.lastIndexOf('\n## ', h.index!);
    const chapter = doc.slice(chapterStart, h.index!);
    const text = `${chapter}\n${own}`;
    const key = `${method} ${path}`;
    const tokenRole = /moderator token/.test(text) ? 'moderator' : /facilitator token/.test(text) ? 'facilitator' : null;
    const eventScoped = path.startsWith('/api/events/:id');
    const auth: Route['auth'] = eventScoped || key === 'POST /api/events' || key === 'GET /api/events' ? 'organizer' : path === '/api/auth/me' ? 'session' : 'public';
    out.push({
      method, path, auth, tokenRole, eventScoped,
      mutates: method !== 'GET' && eventScoped,
      body: BODIES[key] ?? (method === 'GET' || method === 'DELETE' ? {} : { body: {} }),
      headers: path.endsWith('/roster') && method === 'POST' ? { 'content-type': 'text/csv' } : {},
    });
  }
  return out;
}

/** A link token of the main event swapped for the same role's token of the throwaway event. */
function rebind<T extends { headers: Record<string, string>; role?: string; kind: string }>(who: T, links: Record<string, string>): T {
  // Link roles only: `links.attendee` is the join page, not a credential.
  const link = who.kind === 'token' && (LINK_ROLES as readonly string[]).includes(who.role ?? '') ? links[who.role!] : undefined;
  return link ? { ...who, headers: { authorization: `Bearer ${tokenOf(link)}` } } : who;
}

/** null when the answer fits, else why not. */
function judge(route: Route, who: { kind: string; role?: string }, res: ApiResponse): string | null {
  const denied = res.status === 401 || res.status === 403 || res.status === 404;
  if (res.status >= 500) return 'server error';
  if (route.auth === 'public') {
    if (route.path === '/api/setup' && route.method === 'POST') return res.status === 403 ? null : 'setup after the first organizer must be 403';
    // A wrong password: 401, or 429 once the login guard slows this address down (docs/api.md).
    if (route.path === '/api/auth/login') return res.status === 401 || res.status === 429 ? null : 'a wrong password must be 401 or 429';
    return denied ? 'a public route refused' : null;
  }
  const owner = who.kind === 'owner';
  const tokenAllowed = who.kind === 'token' && who.role === route.tokenRole;
  if (route.auth === 'session') return owner ? (res.status === 200 ? null : 'the owner was refused') : res.status === 401 ? null : 'must be 401';
  if (!route.eventScoped) {
    // POST/GET /api/events: any organizer session, nobody else.
    if (owner) return denied ? 'an organizer was refused' : null;
    return res.status === 401 ? null : 'must be 401 without a session';
  }
  if (owner || tokenAllowed) return denied ? 'allowed by the docs but refused' : null;
  return res.status === 401 ? null : 'must be 401';
}
