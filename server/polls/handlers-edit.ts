/** Moderator commands that prepare polls: create, update, duplicate, reorder, delete, import. */
import { POLL_LIMITS, type PollDraft, type StaffPoll } from '../../shared/polls/schemas.js';
import type { CommandName } from '../../shared/socket.js';
import { newId } from '../auth/tokens.js';
import type { Handler, Handlers } from '../kernel/feature.js';
import { pollError } from './core/errors.js';
import { parseImport, requireValidImport } from './core/import.js';
import { checkOrder, createPoll, duplicatePoll, insertAt, updatePoll } from './core/lifecycle.js';
import { emptyTally } from './core/tally.js';
import { requirePoll } from './mutate.js';
import { outcome, type PollsParts } from './parts.js';
import { deletePoll, insertPoll, savePoll, setPositions, setPresented } from './repository.js';
import { newPollState, ordered, type EventPolls, type PollState } from './state.js';
import { emptyChanges, orderChanged, pollChanged, viewFor } from './views.js';
import type { Transaction } from 'kysely';
import type { DB } from '../db/types.js';

type H<K extends CommandName> = Handler<K>;

export const staffPoll = (ps: PollState) => viewFor(ps, 'staff') as StaffPoll;

/** Positions 0…n−1 in the given order, in the database and in memory. */
export async function applyOrder(trx: Transaction<DB>, ev: EventPolls, ids: readonly string[]): Promise<void> {
  await setPositions(trx, ids);
  ids.forEach((id, i) => {
    const ps = ev.polls.get(id);
    if (ps) ps.record = { ...ps.record, position: i };
  });
}

export function editHandlers(parts: PollsParts): Partial<Handlers> {
  const { store: _store, mutate, timers, tallies } = parts;

  async function createDrafts(trx: Transaction<DB>, ev: EventPolls, eventId: string, drafts: readonly PollDraft[], now: Date): Promise<PollState[]> {
    if (ev.polls.size + drafts.length > POLL_LIMITS.pollsPerEventMax) {
      throw pollError('invalid_state', `an event has at most ${POLL_LIMITS.pollsPerEventMax} polls`, { params: { max: POLL_LIMITS.pollsPerEventMax } });
    }
    const created: PollState[] = [];
    for (const draft of drafts) {
      const record = createPoll({ id: newId(), eventId, position: ev.polls.size, draft, now });
      await insertPoll(trx, record);
      const ps = newPollState(record);
      ev.polls.set(record.id, ps);
      created.push(ps);
    }
    return created;
  }

  const create: H<'polls:create'> = {
    serial: true,
    async run(ctx, draft) {
      const { eventId } = ctx.actor;
      return outcome(
        await mutate(eventId, async (trx, ev) => {
          const [ps] = await createDrafts(trx, ev, eventId, [draft], ctx.now);
          return { result: { poll: staffPoll(ps!) }, changes: pollChanged(emptyChanges(), ps!, null) };
        }),
      );
    },
  };

  const update: H<'polls:update'> = {
    serial: true,
    async run(ctx, { id, definition, settings }) {
      return outcome(
        await parts.mutate(ctx.actor.eventId, async (trx, ev) => {
          const ps = requirePoll(ev, id);
          const before = ps.record;
          const hasAnswers = ps.answers.size > 0 || ps.quizAnswers.length > 0;
          const next = updatePoll(before, { definition, settings }, { hasAnswers, now: ctx.now });
          if (next === before) return { result: { poll: staffPoll(ps) }, changes: null };
          await savePoll(trx, next);
          ps.record = next;
          if (definition) ps.tally = emptyTally(next.definition);
          timers.sync(next);
          return { result: { poll: staffPoll(ps) }, changes: pollChanged(emptyChanges(), ps, before) };
        }),
      );
    },
  };

  const duplicate: H<'polls:duplicate'> = {
    serial: true,
    async run(ctx, { id }) {
      const { eventId } = ctx.actor;
      return outcome(
        await mutate(eventId, async (trx, ev) => {
          const original = requirePoll(ev, id);
          if (ev.polls.size >= POLL_LIMITS.pollsPerEventMax) throw pollError('invalid_state', `an event has at most ${POLL_LIMITS.pollsPerEventMax} polls`);
          const copy = duplicatePoll(original.record, newId(), ctx.now);
          await insertPoll(trx, copy);
          const ps = newPollState(copy);
          const order = insertAt(ordered(ev).map((p) => p.record.id), copy.id, original.record.position + 1);
          ev.polls.set(copy.id, ps);
          await applyOrder(trx, ev, order);
          const out = pollChanged(emptyChanges(), ps, null);
          return { result: { poll: staffPoll(ps) }, changes: orderChanged(out, ev) };
        }),
      );
    },
  };

  const reorder: H<'polls:reorder'> = {
    serial: true,
    async run(ctx, { ids }) {
      return outcome(
        await mutate(ctx.actor.eventId, async (trx, ev) => {
          const order = checkOrder(ids, ordered(ev).map((p) => p.record.id));
          await applyOrder(trx, ev, order);
          return { result: { ids: order }, changes: orderChanged(emptyChanges(), ev) };
        }),
      );
    },
  };

  const remove: H<'polls:delete'> = {
    serial: true,
    async run(ctx, { id }) {
      const { eventId } = ctx.actor;
      return outcome(
        await mutate(eventId, async (trx, ev) => {
          const ps = requirePoll(ev, id);
          await deletePoll(trx, id);
          ev.polls.delete(id);
          await applyOrder(trx, ev, ordered(ev).map((p) => p.record.id));
          timers.disarm(id);
          tallies.forget(eventId, id);
          const out = emptyChanges();
          out.staff.push({ type: 'polls:remove', id });
          if (ps.record.status !== 'draft') {
            out.pub.push({ type: 'polls:remove', id });
            out.stage.push({ type: 'polls:remove', id });
          }
          if (ev.presentedId === id) {
            await setPresented(trx, eventId, null);
            ev.presentedId = null;
            for (const list of [out.staff, out.pub, out.stage]) list.push({ type: 'polls:presented', id: null });
          }
          return { result: {}, changes: orderChanged(out, ev) };
        }),
      );
    },
  };

  const importPolls: H<'polls:import'> = {
    serial: true,
    async run(ctx, { format, source, dryRun }) {
      const { eventId } = ctx.actor;
      const parsed = parseImport(format, source);
      if (dryRun) return { result: { drafts: parsed.drafts, issues: parsed.issues, created: [] } };
      const drafts = requireValidImport(parsed);
      return outcome(
        await mutate(eventId, async (trx, ev) => {
          const created = await createDrafts(trx, ev, eventId, drafts, ctx.now);
          const out = emptyChanges();
          for (const ps of created) pollChanged(out, ps, null);
          return { result: { drafts, issues: [], created: created.map(staffPoll) }, changes: orderChanged(out, ev) };
        }),
      );
    },
  };

  return {
    'polls:create': create,
    'polls:update': update,
    'polls:duplicate': duplicate,
    'polls:reorder': reorder,
    'polls:delete': remove,
    'polls:import': importPolls,
  };
}
