/**
 * The join limit's sliding window in Redis (server/kernel/redis.ts TAKE_WINDOW) decides exactly like the
 * in-process one (rate-limit.ts takeWindow), so "never more than N in any minute" holds in cluster mode too.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TAKE_WINDOW } from '../../server/kernel/redis.js';
import { RateLimiter, WINDOW_SLOTS } from '../../server/kernel/rate-limit.js';
import { redisUrl } from './nodes.js';

let redis: Redis;
const prefix = `plenum-test-window-${process.pid}`;

beforeAll(async () => {
  redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
});
afterAll(async () => {
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length) await redis.del(...keys);
  await redis.quit();
});

describe('sliding window in Redis', () => {
  it('gives the same answers as the in-process window for bursts, trickles and minute edges', async () => {
    const spec = { capacity: 50, perMs: 60_000, window: true };
    const patterns: Array<[string, number[]]> = [
      ['burst then trickle', [...new Array<number>(80).fill(1000), ...Array.from({ length: 200 }, (_, i) => 2000 + i * 500)]],
      // Times only move forward, as a clock does (the two take a step back differently: both stay within N).
      ['minute edges', Array.from({ length: 200 }, (_, i) => (Math.floor(i / 40) + 1) * 60_000 - 1 + (i % 40 < 20 ? 0 : 1))],
      ['steady', Array.from({ length: 300 }, (_, i) => i * 700)],
    ];
    for (const [name, times] of patterns) {
      const local = new RateLimiter({ join: spec });
      const key = `${prefix}:${name.replace(/\s/g, '-')}`;
      for (const t of times) {
        const expected = local.hit('join', 'ip', t);
        const got = Number(await redis.eval(TAKE_WINDOW, 1, key, spec.capacity, spec.perMs, t, WINDOW_SLOTS));
        expect(got, `${name} at ${t}`).toBe(expected);
      }
    }
  });
});
