/** The Q&A module: questions, votes (coalesced), the moderation board, merges, imports, the CSV export. */
import { Router } from 'express';
import type { FeatureModule, Handler, Kernel } from '../kernel/feature.js';
import type { People } from '../people/index.js';
import { csvRoutes } from './csv.js';
import { createQaApi, type QaApi } from './api.js';
import { qaHandlers } from './handlers.js';
import { importRoutes } from './import-route.js';
import { createQaImports, type QaImports } from './imports.js';
import { toMod } from './core/views.js';
import { mergeInTransaction } from './merge.js';
import { qaMigrations } from './migrations.js';
import { qaPersonalSnapshot, qaSharedSnapshot } from './snapshot.js';
import { answeredPageHandler } from './answered-page.js';
import { VoteGroupCommit } from './vote-commit.js';
import { AlertPace, discountInTransaction, dismissInTransaction, evaluateVoteAlerts } from './vote-alerts.js';

export interface QaModule extends FeatureModule {
  /** For other features that bring questions in (chat): on their own transaction. */
  imports: QaImports;
  /** Reads and the answer rule for other features (the stage), inside their transaction. */
  api: QaApi;
}

export function createQaModule(kernel: Kernel, people: People): QaModule {
  // The votes of a window commit together (ack after that commit) with ONE `question:votes` delta per event
  // (one seq bump), the same array for both audiences (one broadcast).
  const alertPace = new AlertPace();
  const votes = new VoteGroupCommit(kernel, undefined, (trx, eventId, added, ids, now) => evaluateVoteAlerts(trx, eventId, added, ids, now, people, alertPace));
  const imports = createQaImports();

  const merge: Handler<'qa:merge'> = {
    serial: true,
    async run(ctx, { keepId, mergeId }) {
      const { eventId } = ctx.actor;
      const out = await kernel.commit(eventId, async (trx) => {
        return mergeInTransaction(trx, eventId, keepId, mergeId, ctx.now);
      });
      // Votes still in the window apply on top of the merged counts (`votes + delta`), or are refused when
      // their question was merged away.
      return out;
    },
  };

  /** Ballot stuffing (vote-alerts.ts): a moderator clears an alert or removes its flagged votes. */
  const dismissVoteAlert: Handler<'qa:dismissVoteAlert'> = {
    serial: true,
    async run(ctx, { id }) {
      return kernel.commit(ctx.actor.eventId, async (trx) => {
        const { question, changes } = await dismissInTransaction(trx, ctx.actor.eventId, id, ctx.now);
        return { result: { question: toMod(question) }, changes };
      });
    },
  };
  const discountVotes: Handler<'qa:discountVotes'> = {
    serial: true,
    async run(ctx, { id }) {
      const { eventId } = ctx.actor;
      return kernel.commit(eventId, async (trx) => {
        const { question, removed, changes } = await discountInTransaction(trx, eventId, id, ctx.now, people);
        return { result: { question: toMod(question), removed }, changes };
      });
    },
  };

  return {
    name: 'qa',
    handlers: {
      ...qaHandlers({ kernel, people, votes }),
      'qa:merge': merge,
      'qa:answeredPage': answeredPageHandler(kernel),
      'qa:dismissVoteAlert': dismissVoteAlert,
      'qa:discountVotes': discountVotes,
    },
    limits: {
      // Per attendee: 3 questions a minute and 20 votes per 10 s.
      question: { capacity: 3, perMs: 60_000 },
      vote: { capacity: 20, perMs: 10_000 },
    },
    migrations: qaMigrations,
    sharedSnapshot: (ctx) => qaSharedSnapshot(ctx),
    personalSnapshot: (ctx, shared) => qaPersonalSnapshot(ctx, shared as Parameters<typeof qaPersonalSnapshot>[1]),
    routes: () => Router().use(csvRoutes(kernel)).use(importRoutes(kernel, imports)),
    imports,
    api: createQaApi(),
    stop: () => votes.stop(),
  };
}
