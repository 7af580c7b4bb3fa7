/** Socket command handlers of the stage: load → pure core → persist in one transaction → ack → publish. */
import type { Transaction } from 'kysely';
import { DomainError } from '../../shared/errors.js';
import type { CommandName } from '../../shared/socket.js';
import type { StageSettings } from '../../shared/stage/schemas.js';
import { newId } from '../auth/tokens.js';
import type { DB } from '../db/types.js';
import { findEventById, rowToInfo } from '../events/repository.js';
import type { Handler, HandlerContext, HandlerOutcome, Handlers } from '../kernel/feature.js';
import { stageChanges } from './core/changes.js';
import * as core from './core/commands.js';
import { authorize, authorizeClear, checkItem, type ItemFacts } from './core/items.js';
import { SCREENS, screensOf, type Decider, type OnAirItem, type StageState } from './core/types.js';
import type { StageParts } from './parts.js';
import { loadStage, saveStage } from './repository.js';

export async function loadSettings(trx: Transaction<DB>, eventId: string): Promise<StageSettings> {
  const row = await findEventById(trx, eventId);
  if (!row) throw new DomainError('not_found', 'this event no longer exists');
  return rowToInfo(row).settings.stage;
}

export function stageHandlers({ kernel, deps, timers }: StageParts): Partial<Handlers> {
  async function factsOf(trx: Transaction<DB>, eventId: string, item: OnAirItem): Promise<ItemFacts> {
    switch (item.kind) {
      case 'question':
        return { kind: 'question', state: await deps.qa.questionState(trx, eventId, item.questionId) };
      case 'poll':
      case 'leaderboard':
        return { kind: item.kind, poll: await deps.polls.pollInfo(trx, eventId, item.pollId) };
      case 'round':
        return { kind: 'round', round: await deps.breakouts.roundInfo(trx, eventId, item.roundId) };
      case 'join':
        return { kind: 'join' };
    }
  }

  async function requireShowable(trx: Transaction<DB>, eventId: string, ctx: HandlerContext, item: OnAirItem): Promise<void> {
    authorize(ctx.actor.role, item);
    checkItem(item, await factsOf(trx, eventId, item));
  }

  /** One stage write: one transaction, one seq; the overlay timer follows the committed state. */
  async function change<R>(
    ctx: HandlerContext,
    step: (trx: Transaction<DB>, before: StageState, settings: StageSettings) => Promise<StageState>,
    result: (after: StageState) => R,
  ): Promise<HandlerOutcome<R>> {
    const { eventId } = ctx.actor;
    const out = await kernel.commit(eventId, async (trx) => {
      const settings = await loadSettings(trx, eventId);
      const before = await loadStage(trx, eventId);
      const after = await step(trx, before, settings);
      await saveStage(trx, eventId, before, after);
      return { result: { after, value: result(after) }, changes: stageChanges(before, after) };
    });
    timers.set(eventId, core.overlayDeadline(out.result.after));
    return { result: out.result.value, publish: out.publish };
  }

  const screens = (s: StageState) => ({ room: s.room, overlay: s.overlay });
  const queue = (s: StageState) => ({ queue: s.queue });
  const by = (ctx: HandlerContext) => ctx.actor.role as Decider;

  type H<K extends CommandName> = Handler<K>;

  const show: H<'stage:show'> = {
    serial: true,
    run: (ctx, { screen, item, autoHideS }) =>
      change(
        ctx,
        async (trx, before, settings) => {
          await requireShowable(trx, ctx.actor.eventId, ctx, item);
          return core.show(before, { target: screen, item, autoHideS, defaultAutoHideS: settings.overlayAutoHideS, by: by(ctx), now: ctx.now });
        },
        screens,
      ),
  };

  const clear: H<'stage:clear'> = {
    serial: true,
    run: (ctx, { screen }) =>
      change(
        ctx,
        async (_trx, before) => {
          authorizeClear(ctx.actor.role, before, screensOf(screen));
          return core.clear(before, screen);
        },
        screens,
      ),
  };

  const enqueue: H<'stage:enqueue'> = {
    serial: true,
    run: (ctx, { item }) =>
      change(
        ctx,
        async (trx, before) => {
          await requireShowable(trx, ctx.actor.eventId, ctx, item);
          return core.enqueue(before, item, newId());
        },
        queue,
      ),
  };

  const dequeue: H<'stage:dequeue'> = {
    serial: true,
    run: (ctx, { id }) =>
      change(
        ctx,
        async (_trx, before) => {
          const entry = before.queue.find((e) => e.id === id);
          if (entry) authorize(ctx.actor.role, entry.item);
          return core.dequeue(before, id);
        },
        queue,
      ),
  };

  const reorder: H<'stage:reorder'> = {
    serial: true,
    run: (ctx, { ids }) => change(ctx, async (_trx, before) => core.reorder(before, ids), queue),
  };

  const next: H<'stage:next'> = {
    serial: true,
    run: (ctx, { screen, autoHideS }) =>
      change(
        ctx,
        async (trx, before, settings) => {
          await requireShowable(trx, ctx.actor.eventId, ctx, core.head(before).item);
          return core.next(before, { target: screen, autoHideS, defaultAutoHideS: settings.overlayAutoHideS, by: by(ctx), now: ctx.now });
        },
        (s) => ({ ...screens(s), ...queue(s) }),
      ),
  };

  /**
   * The speaker marks a question answered, exactly as qa:answer (the qa module's rule, writes and changes):
   * only a question that is on air on a screen, highlighted, or in the speakers' queue — what the speaker
   * view shows — and only when the event allows it.
   */
  const speakerDone: H<'stage:speakerDone'> = {
    serial: true,
    async run(ctx, { questionId }) {
      const { eventId } = ctx.actor;
      const out = await kernel.commit(eventId, async (trx) => {
        const settings = await loadSettings(trx, eventId);
        if (!settings.speakerMayAnswer) throw new DomainError('speaker_answer_disabled', 'this event does not let speakers mark questions as answered');
        if ((await deps.qa.questionState(trx, eventId, questionId)) === null) throw new DomainError('stage_item_not_found', 'no such question in this event');
        const state = await loadStage(trx, eventId);
        const board = await deps.qa.board(trx, eventId);
        const onAir = SCREENS.some((s) => {
          const item = state[s].item;
          return item?.kind === 'question' && item.questionId === questionId;
        });
        if (!onAir && board.highlightedId !== questionId && !board.queue.includes(questionId)) {
          throw new DomainError('stage_item_invalid', 'only a question on air, highlighted or in the speakers’ queue can be marked done');
        }
        return { result: { questionId }, changes: await deps.qa.answer(trx, eventId, questionId, ctx.now) };
      });
      return { result: out.result, publish: out.publish };
    },
  };

  return {
    'stage:show': show,
    'stage:clear': clear,
    'stage:enqueue': enqueue,
    'stage:dequeue': dequeue,
    'stage:reorder': reorder,
    'stage:next': next,
    'stage:speakerDone': speakerDone,
  };
}
