/** Socket command handlers of the Q&A: load → pure core → persist in one transaction → ack → publish. */
import type { Transaction } from 'kysely';
import { DomainError } from '../../shared/errors.js';
import type { QaSettings } from '../../shared/qa/schemas.js';
import type { CommandName } from '../../shared/socket.js';
import { newId } from '../auth/tokens.js';
import type { DB } from '../db/types.js';
import { findEventById, rowToInfo } from '../events/repository.js';
import type { Handler, HandlerContext, HandlerOutcome, Handlers, Kernel } from '../kernel/feature.js';
import type { People } from '../people/index.js';
import { chooseHighlight, chooseQueue } from './core/board.js';
import { buildFanout, type Mutation, type QuestionChange } from './core/fanout.js';
import * as rules from './core/rules.js';
import type { QuestionRecord } from './core/types.js';
import { toMod, toPublic } from './core/views.js';
import { persistErase } from './erase.js';
import { persistChanges } from './persist.js';
import {
  addVote, adjustVotes, getQuestion, getQuestions, hasVote, loadBoard, removeVote, setHighlight, setQueue,
} from './repository.js';
import type { VoteGroupCommit } from './vote-commit.js';

export interface QaParts {
  kernel: Kernel;
  people: People;
  /** Votes are written once per window and event (group commit), with their `question:votes` delta. */
  votes: VoteGroupCommit;
}

export function qaHandlers({ kernel, people, votes }: QaParts): Partial<Handlers> {
  /**
   * Every Q&A write: one transaction with one seq bump (which also retires the cached snapshot part,
   * server/kernel/snapshot-cache.ts).
   */
  function commitMutation<R>(eventId: string, work: (trx: Transaction<DB>) => Promise<{ result: R; mutation: Mutation }>) {
    return kernel.commit(eventId, async (trx) => {
      const { result, mutation } = await work(trx);
      return { result, changes: buildFanout(mutation) };
    });
  }

  async function loadSettings(trx: Transaction<DB>, eventId: string): Promise<QaSettings> {
    const row = await findEventById(trx, eventId);
    if (!row) throw new DomainError('not_found', 'this event no longer exists');
    return rowToInfo(row).settings.qa;
  }

  async function requireQuestion(trx: Transaction<DB>, eventId: string, id: string): Promise<QuestionRecord> {
    const q = await getQuestion(trx, eventId, id);
    if (!q) throw new DomainError('not_found', 'no such question');
    return q;
  }

  function attendeeOf(ctx: HandlerContext): string {
    const id = ctx.actor.attendeeId;
    if (!id) throw new DomainError('forbidden', 'only attendees may do this');
    return id;
  }

  /** One question through one rule; the result is built from the new record. */
  async function transition<R>(
    ctx: HandlerContext,
    id: string,
    rule: (q: QuestionRecord, settings: QaSettings) => QuestionRecord,
    result: (after: QuestionRecord) => R,
  ): Promise<HandlerOutcome<R>> {
    const { eventId } = ctx.actor;
    return commitMutation(eventId, async (trx) => {
      const settings = await loadSettings(trx, eventId);
      const before = await requireQuestion(trx, eventId, id);
      const after = rule(before, settings);
      const mutation = await persistChanges(trx, eventId, [{ before, after }]);
      return { result: result(after), mutation };
    });
  }

  const modResult = (q: QuestionRecord) => ({ question: toMod(q) });

  type H<K extends CommandName> = Handler<K>;

  const ask: H<'qa:ask'> = {
    serial: true,
    limit: { kind: 'question', what: 'questions' },
    async run(ctx, { text, anonymous }) {
      const { eventId } = ctx.actor;
      const authorId = attendeeOf(ctx);
      return commitMutation(eventId, async (trx) => {
        const settings = await loadSettings(trx, eventId);
        const author = await people.find(trx, eventId, authorId);
        if (!author) throw new DomainError('unauthorized', 'unknown attendee');
        const q = rules.ask({ id: newId(), eventId, author: { id: author.id, name: author.name }, text, anonymous, settings, now: ctx.now });
        const mutation = await persistChanges(trx, eventId, [{ before: null, after: q }]);
        return { result: { question: toPublic(q) }, mutation };
      });
    },
  };

  const editOwn: H<'qa:editOwn'> = {
    serial: true,
    async run(ctx, { id, text }) {
      const attendeeId = attendeeOf(ctx);
      return transition(ctx, id, (q, settings) => rules.editOwn(q, { attendeeId, text, settings, now: ctx.now }), (q) => ({ question: toPublic(q) }));
    },
  };

  const withdraw: H<'qa:withdraw'> = {
    serial: true,
    async run(ctx, { id }) {
      const attendeeId = attendeeOf(ctx);
      const { eventId } = ctx.actor;
      return commitMutation(eventId, async (trx) => {
        const before = await requireQuestion(trx, eventId, id);
        const after = rules.withdraw(before, { attendeeId, now: ctx.now });
        return { result: {}, mutation: await persistErase(trx, eventId, before, after, ctx.now) };
      });
    },
  };

  /**
   * A vote joins its event's current window (group commit, see vote-commit.ts) and is acknowledged once
   * that window's transaction committed; the new counts go out with it as one `question:votes` delta.
   * Not `serial`: the window's commit runs in the event's queue, which this must not hold while waiting.
   */
  const vote: H<'qa:vote'> = {
    serial: false,
    limit: { kind: 'vote', what: 'votes' },
    async run(ctx, { id, up }) {
      const attendeeId = attendeeOf(ctx);
      const { voted, seq } = await votes.submit(ctx.actor.eventId, ctx.socket, { questionId: id, attendeeId, up });
      return { result: seq === undefined ? { id, voted } : { id, voted, seq } };
    },
  };

  const approve: H<'qa:approve'> = {
    serial: true,
    run: (ctx, { id, text }) => transition(ctx, id, (q, settings) => rules.approve(q, { text, settings, now: ctx.now }), modResult),
  };

  const reject: H<'qa:reject'> = {
    serial: true,
    run: (ctx, { id }) => transition(ctx, id, (q) => rules.reject(q, ctx.now), modResult),
  };

  const answer: H<'qa:answer'> = {
    serial: true,
    run: (ctx, { id }) => transition(ctx, id, (q) => rules.answer(q, ctx.now), modResult),
  };

  const restore: H<'qa:restore'> = {
    serial: true,
    run: (ctx, { id }) => transition(ctx, id, (q, settings) => rules.restore(q, settings, ctx.now), modResult),
  };

  const star: H<'qa:star'> = {
    serial: true,
    run: (ctx, { id, starred }) => transition(ctx, id, (q) => rules.star(q, starred, ctx.now), modResult),
  };

  const label: H<'qa:label'> = {
    serial: true,
    run: (ctx, { id, labels }) => transition(ctx, id, (q) => rules.label(q, labels, ctx.now), modResult),
  };

  const reply: H<'qa:reply'> = {
    serial: true,
    run: (ctx, { id, text }) => transition(ctx, id, (q) => rules.reply(q, text, ctx.now), modResult),
  };

  const edit: H<'qa:edit'> = {
    serial: true,
    run: (ctx, { id, text }) => transition(ctx, id, (q, settings) => rules.moderatorEdit(q, { text, settings, now: ctx.now }), modResult),
  };

  const remove: H<'qa:delete'> = {
    serial: true,
    async run(ctx, { id }) {
      const { eventId } = ctx.actor;
      const out = await commitMutation(eventId, async (trx) => {
        const before = await requireQuestion(trx, eventId, id);
        const mutation = await persistChanges(trx, eventId, [{ before, after: null }]);
        return { result: {}, mutation };
      });
      return out;
    },
  };

  const highlight: H<'qa:highlight'> = {
    serial: true,
    async run(ctx, { id }) {
      const { eventId } = ctx.actor;
      return commitMutation(eventId, async (trx) => {
        const target = id === null ? undefined : await getQuestion(trx, eventId, id);
        const chosen = chooseHighlight(id, target);
        const before = await loadBoard(trx, eventId);
        await setHighlight(trx, eventId, chosen);
        return { result: { id: chosen }, mutation: { board: { before, after: { ...before, highlightedId: chosen } } } };
      });
    },
  };

  const queue: H<'qa:queue'> = {
    serial: true,
    async run(ctx, { ids }) {
      const { eventId } = ctx.actor;
      return commitMutation(eventId, async (trx) => {
        const found = await getQuestions(trx, eventId, ids);
        const chosen = chooseQueue(ids, new Map([...found].map(([qid, q]) => [qid, q.state])));
        const before = await loadBoard(trx, eventId);
        await setQueue(trx, eventId, chosen);
        return { result: { ids: chosen }, mutation: { board: { before, after: { ...before, queue: chosen } } } };
      });
    },
  };

  const bulk: H<'qa:bulk'> = {
    serial: true,
    async run(ctx, { ids, action }) {
      const { eventId } = ctx.actor;
      return commitMutation(eventId, async (trx) => {
        const settings = await loadSettings(trx, eventId);
        const found = await getQuestions(trx, eventId, ids);
        const changes: QuestionChange[] = [];
        const changed: string[] = [];
        const skipped: string[] = [];
        for (const qid of new Set(ids)) {
          const before = found.get(qid);
          const after = before ? rules.bulkStep(before, action, settings, ctx.now) : null;
          if (before && after) {
            changes.push({ before, after });
            changed.push(qid);
          } else skipped.push(qid);
        }
        const mutation = await persistChanges(trx, eventId, changes);
        return { result: { changed, skipped }, mutation };
      });
    },
  };

  return {
    'qa:ask': ask,
    'qa:editOwn': editOwn,
    'qa:withdraw': withdraw,
    'qa:vote': vote,
    'qa:approve': approve,
    'qa:reject': reject,
    'qa:answer': answer,
    'qa:restore': restore,
    'qa:highlight': highlight,
    'qa:queue': queue,
    'qa:star': star,
    'qa:label': label,
    'qa:reply': reply,
    'qa:edit': edit,
    'qa:delete': remove,
    'qa:bulk': bulk,
  };
}
