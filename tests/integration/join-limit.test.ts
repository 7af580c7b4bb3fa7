/** JOIN_LIMIT_PER_MINUTE: the per-address join limit is configurable (a venue shares one address). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, ConfigError } from '../../server/config.js';
import { api, createEvent, setupOrganizer, startTestServer, type TestServer } from './helpers.js';

describe('JOIN_LIMIT_PER_MINUTE', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({}, { JOIN_LIMIT_PER_MINUTE: '5' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('defaults to 3000 and refuses nonsense', () => {
    expect(loadConfig({}).joinLimitPerMinute).toBe(3000);
    expect(loadConfig({ JOIN_LIMIT_PER_MINUTE: '6000' }).joinLimitPerMinute).toBe(6000);
    expect(() => loadConfig({ JOIN_LIMIT_PER_MINUTE: '0' })).toThrow(ConfigError);
    expect(() => loadConfig({ JOIN_LIMIT_PER_MINUTE: 'viele' })).toThrow(ConfigError);
  });

  it('the sixth join from one address within a minute is refused with 429 when the limit is 5', async () => {
    const ev = await createEvent(t, await setupOrganizer(t));
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push(await api(t.url, `/api/join/${ev.code}/attendees`, { body: {} }));
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201, 201, 429]);
    // The refusal says when a place frees up: header in seconds, body in milliseconds (docs/api.md).
    const refused = answers[5]!;
    const seconds = Number(refused.headers.get('retry-after'));
    expect(seconds).toBeGreaterThanOrEqual(1);
    expect(seconds).toBeLessThanOrEqual(61);
    const body = refused.body as { error: { code: string; retryAfterMs: number } };
    expect(body.error.code).toBe('rate_limited');
    expect(Math.ceil(body.error.retryAfterMs / 1000)).toBe(seconds);
  });
});
