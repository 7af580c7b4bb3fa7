/** Everything a handler or route needs, built once by createServer. */
import type { Kysely } from 'kysely';
import type { SetupGate } from './auth/setup.js';
import type { BreakoutRuntime } from './breakouts/runtime.js';
import type { Config } from './config.js';
import type { DB } from './db/types.js';
import type { Logger } from './logger.js';
import type { Broadcaster } from './sync/broadcaster.js';
import type { LimitKind, RateLimiter } from './sync/rate-limit.js';
import type { SerialQueues } from './sync/serial-queue.js';
import type { PublicListCache } from './sync/public-cache.js';
import type { VoteCoalescer } from './sync/vote-coalescer.js';

export interface Services {
  config: Config;
  db: Kysely<DB>;
  logger: Logger;
  /** The only clock of the server; cores get the time as a parameter. */
  now: () => Date;
  queues: SerialQueues;
  broadcaster: Broadcaster;
  coalescer: VoteCoalescer;
  limiter: RateLimiter<LimitKind>;
  setup: SetupGate;
  publicLists: PublicListCache;
  /** Presence, round timers and late joiners of the breakout groups. */
  breakouts: BreakoutRuntime;
}
