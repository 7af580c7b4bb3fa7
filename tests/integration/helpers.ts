/**
 * Fixtures for integration tests: a real server on a random port with a temporary DATA_DIR, REST calls
 * with cookies, and real socket.io-client connections with a small client-side sync model (Mirror).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io as ioClient, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, expect } from 'vitest';
import { EventCreated } from '../../shared/api.js';
import type { Ack } from '../../shared/errors.js';
import type { HelpRequest, RoundView } from '../../shared/breakouts/schemas.js';
import type { PersonView } from '../../shared/people/schemas.js';
import type { ModQuestion, Question } from '../../shared/qa/schemas.js';
import type { CommandName, CommandPayload, CommandResult, Delta, PersonalChange, ServerToClientEvents, ClientToServerEvents, Snapshot } from '../../shared/socket.js';
import { PROTOCOL_VERSION } from '../../shared/version.js';
import { createServer, type CreateServerOptions, type PlenumServer } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';

export interface TestServer {
  url: string;
  dataDir: string;
  server: PlenumServer;
  close(): Promise<void>;
}

export async function startTestServer(options: CreateServerOptions = {}, env: Record<string, string> = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'plenum-it-'));
  const config = loadConfig({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...env });
  // Presence flushes every 20 ms instead of 500: tests settle quickly (a test of the coalescing passes 500).
  const server = await createServer(config, { presenceFlushMs: 20, ...options });
  return {
    url: server.url,
    dataDir,
    server,
    async close() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
  text: string;
}

export async function api<T = any>(
  base: string,
  path: string,
  init: { method?: string; body?: unknown; cookie?: string; headers?: Record<string, string>; raw?: string } = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.cookie) headers.cookie = init.cookie;
  let body: string | undefined;
  if (init.raw !== undefined) {
    body = init.raw;
    headers['content-type'] ??= 'application/json';
  } else if (init.body !== undefined) {
    body = JSON.stringify(init.body);
    headers['content-type'] = 'application/json';
  }
  const res = await fetch(base + path, { method: init.method ?? (body ? 'POST' : 'GET'), headers, body, redirect: 'manual' });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    /* not JSON */
  }
  return { status: res.status, body: parsed as T, headers: res.headers, text };
}

/** The `name=value` part of a Set-Cookie header, ready for a Cookie header. */
export function cookieFrom(res: ApiResponse): string {
  const setCookie = res.headers.get('set-cookie');
  if (!setCookie) throw new Error(`no Set-Cookie (status ${res.status}: ${res.text})`);
  return setCookie.split(';')[0]!;
}

export const ORGANIZER = { email: 'orga@example.org', password: 'korrekt-pferd-batterie' };

/** Creates the first organizer through the setup link and returns the session cookie. */
export async function setupOrganizer(t: TestServer): Promise<string> {
  const link = t.server.setupLink;
  if (!link) throw new Error('server has no setup link');
  const token = new URL(link).searchParams.get('token');
  const res = await api(t.url, '/api/setup', { body: { token, ...ORGANIZER } });
  if (res.status !== 201) throw new Error(`setup failed: ${res.status} ${res.text}`);
  return cookieFrom(res);
}

/**
 * The usual fixture of a test file: one server for the whole file (started in beforeAll, closed in
 * afterAll) with its first organizer signed in. Read `t` and `cookie` inside tests, once beforeAll ran.
 */
export function serverWithOrganizer(options: CreateServerOptions = {}): { readonly t: TestServer; readonly cookie: string } {
  const ctx = {} as { t: TestServer; cookie: string };
  beforeAll(async () => {
    ctx.t = await startTestServer(options);
    ctx.cookie = await setupOrganizer(ctx.t);
  });
  afterAll(async () => {
    await ctx.t.close();
  });
  return ctx;
}

export interface TestEvent {
  id: string;
  code: string;
  links: EventCreated;
  tokens: { moderator: string; facilitator: string; stage: string };
}

type EventCreated = import('zod').infer<typeof EventCreated>;

export function tokenOf(link: string): string {
  const token = new URL(link).searchParams.get('token');
  if (!token) throw new Error(`no token in ${link}`);
  return token;
}

export async function createEvent(t: TestServer, cookie: string, body: Record<string, unknown> = {}): Promise<TestEvent> {
  const res = await api<EventCreated>(t.url, '/api/events', { cookie, body: { title: 'Testevent', format: 'talk', ...body } });
  if (res.status !== 201) throw new Error(`create event failed: ${res.status} ${res.text}`);
  const created = EventCreated.parse(res.body);
  return {
    id: created.id,
    code: created.code,
    links: created,
    tokens: {
      moderator: tokenOf(created.links.moderator),
      facilitator: tokenOf(created.links.facilitator),
      stage: tokenOf(created.links.stage),
    },
  };
}

export async function joinAttendee(t: TestServer, code: string, name?: string): Promise<{ attendeeId: string; token: string }> {
  const res = await api<{ attendeeId: string; token: string }>(t.url, `/api/join/${code}/attendees`, { body: name === undefined ? {} : { name } });
  if (res.status !== 201) throw new Error(`join failed: ${res.status} ${res.text}`);
  return res.body;
}

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A connected socket that records everything the server sends it. */
export class Client {
  readonly deltas: Delta[] = [];
  readonly own: Question[] = [];
  readonly myVotes: Array<{ id: string; voted: boolean }> = [];
  readonly revoked: string[] = [];
  disconnectReason: string | null = null;

  constructor(readonly socket: ClientSocket) {
    socket.on('sync:delta', (d) => this.deltas.push(d));
    socket.on('sync:personal', ({ changes }) => {
      for (const c of changes) {
        if (c.type === 'qa:own') this.own.push(c.question);
        if (c.type === 'qa:myVote') this.myVotes.push({ id: c.id, voted: c.voted });
      }
    });
    socket.on('session:revoked', ({ reason }) => this.revoked.push(reason));
    socket.on('disconnect', (reason) => {
      this.disconnectReason = reason;
    });
  }

  call<K extends CommandName>(name: K, payload: CommandPayload<K>, timeoutMs = 5000): Promise<Ack<CommandResult<K>>> {
    return this.send(name, payload, timeoutMs) as Promise<Ack<CommandResult<K>>>;
  }

  /** Untyped emit for malformed input. */
  send(name: string, payload: unknown, timeoutMs = 5000): Promise<any> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ack for ${name} within ${timeoutMs} ms`)), timeoutMs);
      (this.socket as unknown as Socket).emit(name, payload, (res: unknown) => {
        clearTimeout(timer);
        resolve(res);
      });
    });
  }

  /** Calls and fails the test on an error ack. */
  async ok<K extends CommandName>(name: K, payload: CommandPayload<K>): Promise<CommandResult<K>> {
    const res = await this.call(name, payload);
    if (!res.ok) throw new Error(`${name} failed: ${JSON.stringify(res.error)}`);
    return res;
  }

  async snapshot(): Promise<Snapshot> {
    return (await this.ok('sync:snapshot', {})).snapshot;
  }

  close(): void {
    this.socket.close();
  }
}

export interface ConnectOptions {
  code: string;
  token?: string;
  cookie?: string;
  protocol?: number;
  auth?: unknown;
}

export function connect(t: TestServer, opts: ConnectOptions): Promise<Client> {
  return new Promise((resolve, reject) => {
    const socket: ClientSocket = ioClient(t.url, {
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      auth: (opts.auth as Record<string, unknown>) ?? { protocol: opts.protocol ?? PROTOCOL_VERSION, code: opts.code, ...(opts.token ? { token: opts.token } : {}) },
      extraHeaders: opts.cookie ? { cookie: opts.cookie } : undefined,
    });
    const client = new Client(socket);
    const timer = setTimeout(() => reject(new Error('connect timeout')), 5000);
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve(client);
    });
    socket.once('connect_error', (err) => {
      clearTimeout(timer);
      socket.close();
      reject(err);
    });
  });
}

/** The message of the connect_error, or 'connected' if the connection was accepted. */
export async function connectError(t: TestServer, opts: ConnectOptions): Promise<string> {
  try {
    const client = await connect(t, opts);
    client.close();
    return 'connected';
  } catch (err) {
    return (err as Error).message;
  }
}

/** Deterministic pseudo-random numbers, so a failure can be replayed. */
export function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function expectContiguous(deltas: Delta[]) {
  for (let i = 1; i < deltas.length; i++) expect(deltas[i]!.seq).toBe(deltas[i - 1]!.seq + 1);
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until check() is truthy (polling), or fails after timeoutMs. */
export async function until<T>(check: () => T | undefined | null | false, timeoutMs = 3000, what = 'condition'): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

/**
 * The client side of the sync model, as docs/protocol.md describes it: apply the snapshot, then deltas
 * with seq = last + 1; drop older ones; on a gap ask for a fresh snapshot.
 */
export class Mirror {
  seq = -1;
  questions = new Map<string, Question | ModQuestion>();
  highlightedId: string | null = null;
  queue: string[] = [];
  pendingCount = 0;
  own = new Map<string, Question>();
  myVotes = new Set<string>();
  rounds = new Map<string, RoundView>();
  help = new Map<string, HelpRequest>();
  people = new Map<string, PersonView>();
  present = 0;
  resyncs = 0;
  private buffer: Delta[] = [];
  private syncing: Promise<void> | null = null;

  constructor(private readonly client: Client) {
    client.socket.on('sync:delta', (d) => this.onDelta(d));
    client.socket.on('sync:personal', ({ changes }) => changes.forEach((c) => this.personal(c)));
  }

  personal(c: PersonalChange): void {
    switch (c.type) {
      // A withdrawn question leaves "own" (the snapshot does not list it either).
      case 'qa:own':
        if (c.question.state === 'withdrawn') this.own.delete(c.question.id);
        else this.own.set(c.question.id, c.question);
        break;
      case 'qa:myVote':
        if (c.voted) this.myVotes.add(c.id);
        else this.myVotes.delete(c.id);
        break;
    }
  }

  load(s: Snapshot): void {
    this.seq = s.seq;
    this.questions = new Map(s.qa.questions.map((q) => [q.id, q]));
    this.highlightedId = s.qa.highlightedId;
    this.queue = s.qa.queue;
    this.pendingCount = s.qa.pendingCount;
    this.own = new Map(s.qa.own.map((q) => [q.id, q]));
    this.myVotes = new Set(s.qa.myVotes);
    this.rounds = new Map(s.breakouts.rounds.map((r) => [r.id, r]));
    this.help = new Map(s.breakouts.help.map((h) => [h.id, h]));
    this.people = new Map(s.people.people.map((p) => [p.id, p]));
    this.present = s.people.present;
  }

  sync(): Promise<void> {
    this.syncing ??= (async () => {
      const snap = await this.client.snapshot();
      this.load(snap);
      const buffered = this.buffer;
      this.buffer = [];
      this.syncing = null;
      for (const d of buffered) this.onDelta(d);
    })();
    return this.syncing;
  }

  onDelta(d: Delta): void {
    if (this.syncing || this.seq < 0) {
      this.buffer.push(d);
      return;
    }
    if (d.seq <= this.seq) return;
    if (d.seq !== this.seq + 1) {
      this.resyncs++;
      this.buffer.push(d);
      void this.sync();
      return;
    }
    this.apply(d);
  }

  apply(d: Delta): void {
    this.seq = d.seq;
    for (const c of d.changes) {
      switch (c.type) {
        case 'question:upsert':
          this.questions.set(c.question.id, c.question);
          if (this.own.has(c.question.id)) this.own.set(c.question.id, { ...this.own.get(c.question.id)!, ...c.question });
          break;
        case 'question:remove':
          this.questions.delete(c.id);
          this.own.delete(c.id);
          break;
        case 'question:votes':
          for (const [id, votes] of Object.entries(c.counts)) {
            const q = this.questions.get(id);
            if (q) this.questions.set(id, { ...q, votes });
            const o = this.own.get(id);
            if (o) this.own.set(id, { ...o, votes });
          }
          break;
        case 'qa:pendingCount':
          this.pendingCount = c.count;
          break;
        case 'qa:highlight':
          this.highlightedId = c.id;
          break;
        case 'qa:queue':
          this.queue = c.ids;
          break;
        case 'event:update':
          break;
        case 'breakouts:round':
          this.rounds.set(c.round.id, c.round);
          break;
        case 'breakouts:roundRemove':
          this.rounds.delete(c.id);
          break;
        case 'breakouts:result': {
          const r = this.rounds.get(c.roundId);
          if (r) {
            const groups = r.groups.map((g) => (g.index === c.index ? { ...g, result: c.text, resultVersion: c.version } : g));
            this.rounds.set(c.roundId, { ...r, groups });
          }
          break;
        }
        case 'breakouts:help':
          this.help.set(c.request.id, c.request);
          break;
        case 'people:presence':
          for (const p of c.people) this.people.set(p.id, p);
          break;
        case 'people:count':
          this.present = c.present;
          break;
      }
    }
  }

  /** What the sending tab learns from its own vote ack. */
  voted(id: string, voted: boolean): void {
    if (voted) this.myVotes.add(id);
    else this.myVotes.delete(id);
  }

  /** Comparable view (own questions are compared without the volatile updatedAt of votes). */
  view() {
    const sortById = <T extends { id: string }>(xs: Iterable<T>) => [...xs].sort((a, b) => (a.id < b.id ? -1 : 1));
    return {
      questions: sortById(this.questions.values()),
      highlightedId: this.highlightedId,
      queue: this.queue,
      pendingCount: this.pendingCount,
      own: sortById(this.own.values()).map((q) => ({ id: q.id, state: q.state, text: q.text, reply: q.reply })),
      // Votes matter only on questions the client shows (a rejected question keeps its vote rows).
      myVotes: [...this.myVotes].filter((id) => this.questions.has(id)).sort(),
      rounds: sortById(this.rounds.values()),
      help: sortById(this.help.values()),
      people: sortById(this.people.values()),
      present: this.present,
    };
  }
}

/** A snapshot without the fields that change with every read (the server clock). */
export function stable(s: Snapshot): Omit<Snapshot, 'serverTime'> {
  const { serverTime: _t, ...rest } = s;
  return rest;
}

export function snapshotView(s: Snapshot) {
  const m = new Mirror({ socket: { on() {} } } as unknown as Client);
  m.load(s);
  return m.view();
}
