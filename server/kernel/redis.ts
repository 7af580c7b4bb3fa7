/**
 * Cluster mode's fan-out: Socket.IO's classic Redis adapter (@socket.io/redis-adapter, Redis pub/sub) on
 * two ioredis connections, plus the join limit's token buckets (keys that expire within their window).
 * Pub/sub keeps nothing in Redis (no persistence needed) and a broadcast costs one PUBLISH; while Redis is unreachable, broadcasts from this node to the other nodes' sockets are lost, and
 * clients notice the seq gap and fetch a fresh snapshot (docs/deploy.md: why not the streams adapter).
 */
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import type { Logger } from '../logger.js';
import type { BucketSpec } from './rate-limit.js';
import type { PlenumIO } from './socket-types.js';

export interface RedisLink {
  /** The same token bucket as rate-limit.ts `take`, kept in Redis so every node counts into it. */
  hit(id: string, spec: BucketSpec, now: number): Promise<number>;
  close(): Promise<void>;
}

/** rate-limit.ts `take` in Lua (atomic in Redis); the key expires once the bucket would be full again. */
const TAKE = `
local capacity = tonumber(ARGV[1])
local perMs = tonumber(ARGV[2])
local now = tonumber(ARGV[3])
local rate = capacity / perMs
local s = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = capacity
if s[1] then tokens = math.min(capacity, tonumber(s[1]) + math.max(0, now - tonumber(s[2])) * rate) end
local wait = 0
if tokens >= 1 then tokens = tokens - 1 else wait = math.ceil((1 - tokens) / rate) end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], perMs)
return wait
`;

export async function attachRedisAdapter(io: PlenumIO, url: string, key: string, logger: Logger): Promise<RedisLink> {
  const pub = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 3 });
  const sub = pub.duplicate();
  let warned = false;
  for (const [name, client] of [['pub', pub], ['sub', sub]] as const) {
    client.on('error', (err: unknown) => {
      // ioredis reconnects on its own; say so once per outage, not once per retry.
      if (!warned) logger.warn({ err, client: name }, 'redis: connection problem, reconnecting');
      warned = true;
    });
    client.on('ready', () => {
      if (warned) logger.info({ client: name }, 'redis: connected again');
      warned = false;
    });
  }
  await Promise.all([pub.connect(), sub.connect()]);
  io.adapter(createAdapter(pub, sub, { key, publishOnSpecificResponseChannel: true, requestsTimeout: 3000 }));
  return {
    async hit(id, spec, now) {
      return Number(await pub.eval(TAKE, 1, `${key}:limit:${id}`, spec.capacity, spec.perMs, now));
    },
    async close() {
      await Promise.allSettled([pub.quit(), sub.quit()]);
    },
  };
}
