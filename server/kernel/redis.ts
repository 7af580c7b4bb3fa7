/**
 * Cluster mode's fan-out: Socket.IO's classic Redis adapter (@socket.io/redis-adapter, Redis pub/sub) on
 * two ioredis connections, plus the shared limits (the join limit's sliding window; keys that expire with their window).
 * Pub/sub keeps nothing in Redis (no persistence needed) and a broadcast costs one PUBLISH; while Redis is unreachable, broadcasts from this node to the other nodes' sockets are lost, and
 * clients notice the seq gap and fetch a fresh snapshot (docs/deploy.md: why not the streams adapter).
 */
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import type { Logger } from '../logger.js';
import { WINDOW_SLOTS, type BucketSpec } from './rate-limit.js';
import type { PlenumIO } from './socket-types.js';

export interface RedisLink {
  /** The same rule as rate-limit.ts `take` (token bucket or sliding window), kept in Redis so every node counts into it. */
  hit(id: string, spec: BucketSpec, now: number): Promise<number>;
  close(): Promise<void>;
}

/** rate-limit.ts `take` in Lua (atomic in Redis); the key expires once the bucket would be full again. */
export const TAKE = `
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

/**
 * rate-limit.ts `takeWindow` in Lua: counts per slot of perMs / slots in one hash; the current slot and the
 * `slots` before it are the window, older slots are dropped. Returns 0 or the milliseconds until the oldest
 * slots that must leave have left.
 */
export const TAKE_WINDOW = `
local capacity = tonumber(ARGV[1])
local perMs = tonumber(ARGV[2])
local now = tonumber(ARGV[3])
local slots = tonumber(ARGV[4])
local slotMs = perMs / slots
local slot = math.floor(now / slotMs)
local oldest = slot - slots
local all = redis.call('HGETALL', KEYS[1])
local used = 0
local counts = {}
for i = 1, #all, 2 do
  local s = tonumber(all[i])
  local c = tonumber(all[i + 1])
  if s < oldest then redis.call('HDEL', KEYS[1], all[i]) else used = used + c; table.insert(counts, { s, c }) end
end
if used < capacity then
  redis.call('HINCRBY', KEYS[1], tostring(slot), 1)
  redis.call('PEXPIRE', KEYS[1], math.ceil(perMs + 2 * slotMs))
  return 0
end
table.sort(counts, function(a, b) return a[1] < b[1] end)
local excess = used - capacity + 1
local freeSlot = slot
for _, sc in ipairs(counts) do
  excess = excess - sc[2]
  if excess <= 0 then freeSlot = sc[1]; break end
end
return math.max(1, math.ceil((freeSlot + slots + 1) * slotMs - now))
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
      if (spec.window) return Number(await pub.eval(TAKE_WINDOW, 1, `${key}:window:${id}`, spec.capacity, spec.perMs, now, WINDOW_SLOTS));
      return Number(await pub.eval(TAKE, 1, `${key}:limit:${id}`, spec.capacity, spec.perMs, now));
    },
    async close() {
      await Promise.allSettled([pub.quit(), sub.quit()]);
    },
  };
}
