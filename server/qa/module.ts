/** The Q&A module: questions, votes (coalesced), the moderation board, merges, imports, the CSV export. */
import { Router } from 'express';
import type { Change } from '../../shared/socket.js';
import { changedValues } from '../kernel/coalescer.js';
import type { FeatureModule, Handler, Kernel } from '../kernel/feature.js';
import type { People } from '../people/index.js';
import { csvRoutes } from './csv.js';
import { createQaApi, type QaApi } from './api.js';
import { qaHandlers } from './handlers.js';
import { importRoutes } from './import-route.js';
import { createQaImports, type QaImports } from './imports.js';
import { mergeInTransaction } from './merge.js';
import { qaMigrations } from './migrations.js';
import { currentVotes } from './repository.js';
import { qaSnapshot, type PublicLists } from './snapshot.js';

export interface QaModule extends FeatureModule {
  /** For other features that bring questions in (chat): on their own transaction. */
  imports: QaImports;
  /** Reads and the answer rule for other features (the stage), inside their transaction. */
  api: QaApi;
}

export function createQaModule(kernel: Kernel, people: People): QaModule {
  const publicLists: PublicLists = new Map();
  // Each vote commits on its own (ack after commit) without a seq; the changed counts of a window go out
  // as ONE `question:votes` delta per event (one seq bump), the same array for both audiences (one broadcast).
  const votes = kernel.coalescer<number>({
    name: 'votes',
    windowMs: 100,
    async flush(trx, eventId, entries) {
      let counts = changedValues(entries);
      if (!counts) return null;
      // Several nodes (PostgreSQL): another node may have counted a later vote since this window saw its
      // count; read the committed counts under the event's lock, so the last flush sent is the newest.
      if (kernel.shared) counts = await currentVotes(trx, eventId, Object.keys(counts));
      if (!counts) return null;
      const changes: Change[] = [{ type: 'question:votes', counts }];
      return { staff: changes, pub: changes };
    },
  });
  const imports = createQaImports((eventId) => publicLists.delete(eventId));

  const merge: Handler<'qa:merge'> = {
    serial: true,
    async run(ctx, { keepId, mergeId }) {
      const { eventId } = ctx.actor;
      const out = await kernel.commit(eventId, async (trx) => {
        const r = await mergeInTransaction(trx, eventId, keepId, mergeId, ctx.now);
        publicLists.delete(eventId);
        return r;
      });
      // The merge wrote both counts; a vote count still waiting in the window would be older.
      votes.forget(eventId, keepId);
      votes.forget(eventId, mergeId);
      return out;
    },
  };

  return {
    name: 'qa',
    handlers: { ...qaHandlers({ kernel, people, votes, publicLists }), 'qa:merge': merge },
    limits: {
      // Per attendee: 3 questions a minute and 20 votes per 10 s.
      question: { capacity: 3, perMs: 60_000 },
      vote: { capacity: 20, perMs: 10_000 },
    },
    migrations: qaMigrations,
    snapshot: (ctx) => qaSnapshot(ctx, publicLists),
    routes: () => Router().use(csvRoutes(kernel)).use(importRoutes(kernel, imports)),
    imports,
    api: createQaApi(publicLists),
    forgetEvent(eventId) {
      publicLists.delete(eventId);
    },
    resync(eventId) {
      publicLists.delete(eventId);
    },
  };
}
