/**
 * Cluster mode's fan-out: Socket.IO's classic Redis adapter (@socket.io/redis-adapter, Redis pub/sub) on
 * two ioredis connections. Pub/sub keeps nothing in Redis (no persistence needed) and a broadcast costs one
 * PUBLISH; while Redis is unreachable, broadcasts from this node to the other nodes' sockets are lost, and
 * clients notice the seq gap and fetch a fresh snapshot (docs/deploy.md: why not the streams adapter).
 */
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import type { Logger } from '../logger.js';
import type { PlenumIO } from './socket-types.js';

export interface RedisLink {
  close(): Promise<void>;
}

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
    async close() {
      await Promise.allSettled([pub.quit(), sub.quit()]);
    },
  };
}
