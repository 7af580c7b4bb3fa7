/**
 * Shared fixtures for browser flows: a real Plenum server process on a random port with its own data
 * folder, an organizer account, and Debian's Chromium driven by playwright-core.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { io as ioClient, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, expect } from 'vitest';
import { PROTOCOL_VERSION } from '../../shared/version.js';

const root = resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);

export interface RunningServer {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

export function newDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'plenum-e2e-'));
}

export async function startServer(env: Record<string, string> = {}, dataDir = newDataDir()): Promise<RunningServer> {
  // node --import tsx keeps the server in this one process (the tsx CLI would fork a child a kill can miss).
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/i.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolveUrl(match[1].replace(/\/$/, ''));
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  return {
    url,
    dataDir,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function addOrganizer(server: Pick<RunningServer, 'dataDir'>, email: string, password: string): void {
  execFileSync(process.execPath, ['--import', 'tsx', 'server/cli/main.ts', 'organizer', 'add', '--email', email, '--password', password], {
    cwd: root,
    env: { ...process.env, DATA_DIR: server.dataDir, LOG_LEVEL: 'warn' },
    stdio: 'pipe',
  });
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const phone = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
export const desktop = { viewport: { width: 1280, height: 860 } };

export function newContext(browser: Browser, kind: 'phone' | 'desktop', locale = 'de-DE'): Promise<BrowserContext> {
  return browser.newContext({ ...(kind === 'phone' ? phone : desktop), locale });
}

export function screenshotDir(): string {
  const dir = join(root, 'tests/e2e/screenshots');
  mkdirSync(dir, { recursive: true });
  return dir;
}

export async function shot(page: Page, name: string): Promise<string> {
  const path = join(screenshotDir(), `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

let axeSource: string | undefined;

/** Runs axe-core in the page and returns its violations (WCAG 2.1 A/AA rules). */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated over the DevTools protocol, not as a <script> tag: the pages' CSP allows no inline script.
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
}

export function describeViolations(violations: AxeViolation[]): string {
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`).join('\n');
}

/** A server with one organizer, a browser, and every context opened through it (closed together). */
export interface BrowserSession {
  server: RunningServer;
  browser: Browser;
  context(kind: 'phone' | 'desktop'): Promise<BrowserContext>;
  /** A new context of that kind with one page at `path` (relative to the server). */
  open(kind: 'phone' | 'desktop', path: string): Promise<Page>;
  /** What the pages' Content-Security-Policy blocked (close() fails when there is any). */
  cspViolations: string[];
  close(): Promise<void>;
}

export async function startSession(organizer: { email: string; password: string }, env: Record<string, string> = {}): Promise<BrowserSession> {
  const server = await startServer(env);
  addOrganizer(server, organizer.email, organizer.password);
  const browser = await launchBrowser();
  const contexts: BrowserContext[] = [];
  const cspViolations: string[] = [];
  const context = async (kind: 'phone' | 'desktop') => {
    const ctx = await newContext(browser, kind);
    // Chromium reports what the Content-Security-Policy blocked on the console; no page may trip it.
    ctx.on('console', (msg) => {
      if (msg.type() === 'error' && /Content Security Policy/i.test(msg.text())) cspViolations.push(`${msg.location().url}: ${msg.text()}`);
    });
    contexts.push(ctx);
    return ctx;
  };
  return {
    server,
    browser,
    context,
    async open(kind, path) {
      const page = await (await context(kind)).newPage();
      page.on('pageerror', (err) => console.error(`[page error ${path}]`, err.message));
      await page.goto(server.url + path);
      return page;
    },
    cspViolations,
    async close() {
      for (const ctx of contexts) await ctx.close().catch(() => {});
      await browser.close();
      await server.stop();
      expect(cspViolations, 'Content-Security-Policy violations').toEqual([]);
    },
  };
}

/** Logs the organizer in over REST and returns the session cookie (`name=value`) for socket and REST calls. */
export async function organizerCookie(server: Pick<RunningServer, 'url'>, organizer: { email: string; password: string }): Promise<string> {
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url },
    body: JSON.stringify(organizer),
  });
  expect(login.status).toBe(200);
  return (login.headers.get('set-cookie') ?? '').split(';')[0]!;
}

/** A command sent over a script's socket; resolves with its ack (`{ ok: false, error }` on a timeout too). */
export type SocketCall = (name: string, payload: unknown) => Promise<{ ok: boolean; [k: string]: any }>;

/**
 * An organizer logged in for the whole test file (started in beforeAll, closed in afterAll with every socket
 * it opened): the browser `session`, `rest` (the API with the organizer's cookie, same-origin) and
 * `socketFor` (a socket as a script would open it).
 */
export function organizerFixture(organizer = { email: 'orga@example.org', password: 'sicheres-passwort-1' }) {
  let session: BrowserSession | undefined;
  let cookie = '';
  const sockets: Socket[] = [];
  beforeAll(async () => {
    session = await startSession(organizer);
    cookie = await organizerCookie(session.server, organizer);
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await session?.close();
  });
  const started = () => {
    if (!session) throw new Error('organizerFixture: used before beforeAll ran');
    return session;
  };
  const rest = async <T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<{ status: number; body: T }> => {
    const url = started().server.url;
    const res = await fetch(url + path, {
      method: init.method ?? (init.body ? 'POST' : 'GET'),
      headers: { cookie, origin: url, ...(init.body ? { 'content-type': 'application/json' } : {}) },
      body: init.body ? JSON.stringify(init.body) : undefined,
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
  };
  /** Closed with the fixture. */
  const socket = async (code: string, token: string): Promise<Socket> => {
    const s = ioClient(started().server.url, { transports: ['websocket'], reconnection: false, forceNew: true, auth: { protocol: PROTOCOL_VERSION, code, token } });
    sockets.push(s);
    await new Promise<void>((resolve, reject) => {
      s.once('connect', () => resolve());
      s.once('connect_error', reject);
    });
    return s;
  };
  const socketFor = async (code: string, token: string): Promise<SocketCall> => {
    const s = await socket(code, token);
    return (name, payload) =>
      new Promise((resolve) => s.timeout(10_000).emit(name as never, payload as never, ((err: Error | null, ack: never) => resolve(err ? { ok: false, error: err.message } : ack)) as never));
  };
  return {
    organizer,
    get session(): BrowserSession {
      return started();
    },
    rest,
    socket,
    socketFor,
  };
}

/** The page does not scroll sideways (the 360 px phone with the longest content); a failure names what sticks out. */
export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const { scroll, client, wide } = await page.evaluate(() => {
    const client = document.documentElement.clientWidth;
    // The innermost elements that stick out.
    const wide = [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > client + 1 && ![...el.children].some((c) => c.getBoundingClientRect().right > client + 1))
      .slice(0, 3)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}: ${(el.textContent ?? '').slice(0, 30)}`);
    return { scroll: document.documentElement.scrollWidth, client, wide };
  });
  expect(scroll, wide.join(' | ')).toBeLessThanOrEqual(client);
}

export async function expectAccessible(page: Page, name: string): Promise<void> {
  // An element fading in has a contrast of its own for a moment: judge the page once its transitions and
  // finite animations have ended (endless ones, like a spinner, are left alone).
  await page.waitForFunction(
    () => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
    undefined,
    { timeout: 5_000 },
  );
  const violations = await axeViolations(page);
  expect(violations, `${name}:\n${describeViolations(violations)}`).toEqual([]);
}

/** The path of an absolute link the server handed out, to open it on the test server. */
export function pathOf(url: string): string {
  return url.replace(/^https?:\/\/[^/]+/, '');
}
