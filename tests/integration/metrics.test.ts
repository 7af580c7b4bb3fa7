/**
 * GET /metrics: Prometheus text with sockets by role, live events, commands by type and outcome, command
 * latency, broadcast tick, database writes and event-loop lag; a bearer token when METRICS_TOKEN is set,
 * else only requests from this machine without a proxy header.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, createEvent, joinAttendee, setupOrganizer, startTestServer, type TestServer } from './helpers.js';
import { metricsAllowed } from '../../server/http/metrics.js';

/** The value of one sample line, e.g. sample(text, 'plenum_sockets{role="attendee"}'). */
function sample(text: string, series: string): number | null {
  for (const line of text.split('\n')) if (line.startsWith(series + ' ')) return Number(line.slice(series.length + 1));
  return null;
}

describe('GET /metrics without METRICS_TOKEN', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.close());

  it('counts sockets by role, live events, commands by outcome, and times commands, writes and broadcasts', async () => {
    const cookie = await setupOrganizer(t);
    const ev = await createEvent(t, cookie, { settings: { qa: { premoderation: false } } });
    const mod = await connect(t, { code: ev.code, token: ev.tokens.moderator });
    const a1 = await connect(t, { code: ev.code, token: (await joinAttendee(t, ev.code)).token });
    const a2 = await connect(t, { code: ev.code, token: (await joinAttendee(t, ev.code)).token });
    const q = await a1.ok('qa:ask', { text: 'Wird das gemessen?' });
    await a2.ok('qa:vote', { id: q.question.id, up: true });
    const refused = await a1.call('qa:vote', { id: 'no-such-question', up: true });
    expect(!refused.ok && refused.error.code).toBe('not_found');
    const bad = await a1.send('qa:ask', { text: 42 });
    expect(bad.ok).toBe(false);

    const res = await fetch(`${t.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(sample(text, 'plenum_sockets{role="attendee"}')).toBe(2);
    expect(sample(text, 'plenum_sockets{role="moderator"}')).toBe(1);
    expect(sample(text, 'plenum_live_events')).toBe(1);
    expect(sample(text, 'plenum_commands_total{command="qa:ask",outcome="ok"}')).toBe(1);
    expect(sample(text, 'plenum_commands_total{command="qa:vote",outcome="ok"}')).toBe(1);
    expect(sample(text, 'plenum_commands_total{command="qa:vote",outcome="not_found"}')).toBe(1);
    expect(sample(text, 'plenum_commands_total{command="qa:ask",outcome="invalid_payload"}')).toBe(1);
    expect(sample(text, 'plenum_command_duration_seconds_count{command="qa:vote"}')).toBe(2);
    expect(sample(text, 'plenum_db_write_duration_seconds_count')).toBeGreaterThanOrEqual(2);
    expect(sample(text, 'plenum_broadcast_tick_duration_seconds_count')).toBeGreaterThanOrEqual(2);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds \d/m);
    expect(text).toMatch(/^process_resident_memory_bytes \d/m);

    a2.close();
    mod.close();
    // Gauges are read when scraped: the closed sockets are gone.
    await new Promise((r) => setTimeout(r, 100));
    const after = await (await fetch(`${t.url}/metrics`)).text();
    expect(sample(after, 'plenum_sockets{role="attendee"}')).toBe(1);
    expect(sample(after, 'plenum_sockets{role="moderator"}')).toBeNull();
    a1.close();
  });

  it('refuses a request that came through a proxy (it only looks local)', async () => {
    const res = await fetch(`${t.url}/metrics`, { headers: { 'x-forwarded-for': '203.0.113.7' } });
    expect(res.status).toBe(403);
    expect(await res.text()).not.toContain('plenum_');
  });
});

describe('GET /metrics with METRICS_TOKEN', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({}, { METRICS_TOKEN: 's3cret-metrics-token' });
  });
  afterAll(() => t.close());

  it('needs the bearer token, even from this machine', async () => {
    const none = await fetch(`${t.url}/metrics`);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer');
    const wrong = await fetch(`${t.url}/metrics`, { headers: { authorization: 'Bearer s3cret-metrics-toke' } });
    expect(wrong.status).toBe(401);
    const right = await fetch(`${t.url}/metrics`, { headers: { authorization: 'Bearer s3cret-metrics-token' } });
    expect(right.status).toBe(200);
    expect(await right.text()).toContain('plenum_commands_total');
  });
});

describe('metricsAllowed', () => {
  const req = (remoteAddress: string, headers: Record<string, string> = {}) => ({ headers, socket: { remoteAddress } });
  it('without a token: loopback only, and no proxy headers', () => {
    expect(metricsAllowed(req('127.0.0.1'), null)).toBe(true);
    expect(metricsAllowed(req('::1'), null)).toBe(true);
    expect(metricsAllowed(req('::ffff:127.0.0.1'), null)).toBe(true);
    expect(metricsAllowed(req('10.0.0.5'), null)).toBe(false);
    expect(metricsAllowed(req('::ffff:192.0.2.1'), null)).toBe(false);
    expect(metricsAllowed(req('127.0.0.1', { forwarded: 'for=192.0.2.60' }), null)).toBe(false);
  });
  it('with a token: exactly that bearer token, from anywhere', () => {
    expect(metricsAllowed(req('192.0.2.1', { authorization: 'Bearer tok' }), 'tok')).toBe(true);
    expect(metricsAllowed(req('127.0.0.1'), 'tok')).toBe(false);
    expect(metricsAllowed(req('127.0.0.1', { authorization: 'Basic tok' }), 'tok')).toBe(false);
    expect(metricsAllowed(req('127.0.0.1', { authorization: 'Bearer tok2' }), 'tok')).toBe(false);
  });
});
