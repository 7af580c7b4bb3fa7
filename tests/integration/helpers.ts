/**
 * Fixtures for integration tests: a real server on a random port with a temporary DATA_DIR, REST calls
 * with cookies, and real socket.io-client connections that keep their state with the client's own pure
 * reducer (Mirror: client/kernel/reducer.ts over the slices registered in client/features.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io as ioClient, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, expect } from 'vitest';
import { EventCreated } from '../../shared/api.js';
import type { Ack } from '../../shared/errors.js';
import type { Question } from '../../shared/qa/schemas.js';
import type { CommandName, CommandPayload, CommandResult, Delta, ServerToClientEvents, ClientToServerEvents, Snapshot } from '../../shared/socket.js';
import { PROTOCOL_VERSION } from '../../shared/version.js';
import { assembleSnapshot } from '../../shared/snapshot.js';
import { clientFeatures } from '../../client/features.js';
import { createSyncReducer, type SyncedState } from '../../client/kernel/reducer.js';
import { createServer, type CreateServerOptions, type PlenumServer } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { databaseEnv, dropDatabase } from './database.js';

export interface TestServer {
  url: string;
  dataDir: string;
  server: PlenumServer;
  close(): Promise<void>;
}

export async function startTestServer(options: CreateServerOptions = {}, env: Record<string, string> = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'plenum-it-'));
  const config = loadConfig({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...databaseEnv(dataDir), ...env });
  // Presence flushes every 20 ms instead of 500: tests settle quickly (a test of the coalescing passes 500).
  // Tests poll snapshots in loops: the snapshot limits are lifted here and tested with their real values in flood.test.ts.
  const limits = { snapshot: { capacity: 10_000, perMs: 10_000 }, snapshotBytes: { capacity: 1e12, perMs: 10_000 }, ...options.limits };
  const server = await createServer(config, { presenceFlushMs: 20, ...options, limits });
  return {
    url: server.url,
    dataDir,
    server,
    async close() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
      await dropDatabase(dataDir);
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
  tokens: { moderator: string; facilitator: string; stage: string; speaker: string };
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
      speaker: tokenOf(created.links.speaker),
    },
  };
}

export async function joinAttendee(t: TestServer, code: string, name?: string): Promise<{ attendeeId: string; token: string }> {
  const res = await api<{ attendeeId: string; token: string }>(t.url, `/api/join/${code}/attendees`, { body: name === undefined ? {} : { name } });
  if (res.status !== 201) throw new Error(`join failed: ${res.status} ${res.text}`);
  return res.body;
}

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * Calls `fn` for every delta the socket gets, one by one: attendees get the deltas of one tick in one
 * `sync:deltas` message (the public cadence), staff each as `sync:delta`.
 */
export function onEachDelta(socket: ClientSocket, fn: (d: Delta) => void): void {
  socket.on('sync:delta', fn);
  socket.on('sync:deltas', ({ deltas }) => deltas.forEach(fn));
}

/** A connected socket that records everything the server sends it. */
export class Client {
  readonly deltas: Delta[] = [];
  readonly own: Question[] = [];
  readonly myVotes: Array<{ id: string; voted: boolean }> = [];
  readonly revoked: string[] = [];
  disconnectReason: string | null = null;

  constructor(readonly socket: ClientSocket) {
    socket.on('sync:delta', (d) => this.deltas.push(d));
    socket.on('sync:deltas', ({ deltas }) => this.deltas.push(...deltas));
    socket.on('sync:personal', ({ changes }) => {
      for (const c of changes) {
        if (c.type === 'qa:own') this.own.push(c.question);
        else if (c.type === 'qa:myVote') this.myVotes.push({ id: c.id, voted: c.voted });
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
    return assembleSnapshot(await this.ok('sync:snapshot', {}));
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

/** The client's reducer over the client's registered features: what every browser tab runs. */
const reducer = createSyncReducer(clientFeatures);

const toMap = <T>(record: Readonly<Record<string, T>>) => new Map(Object.entries(record));

/**
 * One client's view of the event, kept by the client's own pure reducer (the same code the browser runs):
 * the snapshot, then deltas with seq = last + 1; older ones dropped; on a gap a fresh snapshot (counted in
 * `resyncs`); personal changes outside the seq. The getters read the reducer's state.
 */
export class Mirror {
  state: SyncedState = reducer.initial();
  resyncs = 0;
  private syncing: Promise<void> | null = null;

  constructor(private readonly client: Client) {
    client.socket.on('sync:delta', (d) => this.onDelta(d));
    client.socket.on('sync:deltas', ({ deltas }) => deltas.forEach((d) => this.onDelta(d)));
    client.socket.on('sync:personal', ({ changes }) => {
      this.state = reducer.personal(this.state, changes);
    });
  }

  get seq(): number {
    return this.state.seq;
  }
  get questions() {
    return toMap(this.state.qa.questions);
  }
  get highlightedId(): string | null {
    return this.state.qa.highlightedId;
  }
  get queue(): readonly string[] {
    return this.state.qa.queue;
  }
  get pendingCount(): number {
    return this.state.qa.pendingCount;
  }
  get own() {
    return toMap(this.state.qa.own);
  }
  get myVotes(): Set<string> {
    return new Set(Object.keys(this.state.qa.myVotes));
  }
  get rounds() {
    return toMap(this.state.breakouts.rounds);
  }
  get help() {
    return toMap(this.state.breakouts.help);
  }
  get people() {
    return toMap(this.state.people.people);
  }
  get present(): number {
    return this.state.people.present;
  }

  load(s: Snapshot): void {
    this.state = reducer.snapshot(this.state, s);
  }

  sync(): Promise<void> {
    this.syncing ??= (async () => {
      this.state = reducer.requested(this.state);
      let snap: Snapshot;
      try {
        snap = await this.client.snapshot();
      } finally {
        this.syncing = null;
      }
      this.load(snap);
      this.afterUpdate();
    })();
    return this.syncing;
  }

  onDelta(d: Delta): void {
    this.state = reducer.delta(this.state, d);
    this.afterUpdate();
  }

  /** A gap (a delta missed, or the buffer after a snapshot does not join up): ask for a fresh snapshot. */
  private afterUpdate(): void {
    if (this.state.phase !== 'gap' || this.syncing) return;
    this.resyncs++;
    // A resync on a socket whose server went away (tests/cluster kills nodes) cannot succeed and is not
    // a failure of its own; on a connected socket it is.
    this.sync().catch((err: unknown) => {
      if (this.client.socket.connected) throw err;
    });
  }

  /** What the sending tab learns from its own vote ack. */
  voted(id: string, voted: boolean): void {
    this.state = reducer.ack(this.state, 'qa:vote', { id, up: voted }, { id, voted });
  }

  /** Comparable view (own questions are compared without the volatile updatedAt of votes). */
  view() {
    const sortById = <T extends { id: string }>(xs: Iterable<T>) => [...xs].sort((a, b) => (a.id < b.id ? -1 : 1));
    const questions = this.questions;
    return {
      questions: sortById(questions.values()),
      highlightedId: this.highlightedId,
      queue: this.queue,
      pendingCount: this.pendingCount,
      own: sortById(this.own.values()).map((q: Question) => ({ id: q.id, state: q.state, text: q.text, reply: q.reply })),
      // Votes matter only on questions the client shows (a rejected question keeps its vote rows).
      myVotes: [...this.myVotes].filter((id) => questions.has(id)).sort(),
      rounds: sortById(this.rounds.values()),
      help: sortById(this.help.values()),
      people: sortById(this.people.values()),
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
