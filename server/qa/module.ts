/** The Q&A module: questions, votes (coalesced), the moderation board, the CSV export. */
import type { Change } from '../../shared/socket.js';
import { changedValues } from '../kernel/coalescer.js';
import type { FeatureModule, Kernel } from '../kernel/feature.js';
import type { People } from '../people/index.js';
import { csvRoutes } from './csv.js';
import { qaHandlers } from './handlers.js';
import { qaSnapshot, type PublicLists } from './snapshot.js';

export function createQaModule(kernel: Kernel, people: People): FeatureModule {
  const publicLists: PublicLists = new Map();
  // Each vote commits on its own (ack after commit) without a seq; the changed counts of a window go out
  // as ONE `question:votes` delta per event (one seq bump), the same array for both audiences (one broadcast).
  const votes = kernel.coalescer<number>({
    name: 'votes',
    windowMs: 100,
    async flush(_trx, _eventId, entries) {
      const counts = changedValues(entries);
      if (!counts) return null;
      const changes: Change[] = [{ type: 'question:votes', counts }];
      return { staff: changes, pub: changes };
    },
  });

  return {
    name: 'qa',
    handlers: qaHandlers({ kernel, people, votes, publicLists }),
    limits: {
      // Per attendee: 3 questions a minute and 20 votes per 10 s.
      question: { capacity: 3, perMs: 60_000 },
      vote: { capacity: 20, perMs: 10_000 },
    },
    snapshot: (ctx) => qaSnapshot(ctx, publicLists),
    routes: () => csvRoutes(kernel),
    forgetEvent(eventId) {
      publicLists.delete(eventId);
    },
  };
}
