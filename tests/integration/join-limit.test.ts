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
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await api(t.url, `/api/join/${ev.code}/attendees`, { body: {} })).status);
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);
  });
});
