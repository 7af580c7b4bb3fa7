/**
 * Group commit of answers: answers of one event that arrive while the event's queue is busy (or in the
 * same I/O turn) are committed in ONE transaction, and each is acknowledged only after that commit. Each
 * answer is still checked on its own, in arrival order, against memory that already holds the answers
 * before it (a second tab in the same batch is refused): a refusal throws before anything of that answer
 * is written or changed, so it refuses only that answer. If the transaction fails, every answer of the
 * batch fails and the event's state is reloaded (mutate).
 */
import type { Transaction } from 'kysely';
import { DomainError } from '../../shared/errors.js';
import type { DB } from '../db/types.js';
import type { Kernel } from '../kernel/feature.js';
import type { Work } from './mutate.js';
import type { EventPolls } from './state.js';

interface Item<R> {
  work: (trx: Transaction<DB>, ev: EventPolls) => Promise<R>;
  resolve: (r: R) => void;
  reject: (err: unknown) => void;
}

export class AnswerBatcher {
  private readonly pending = new Map<string, Item<unknown>[]>();
  /** Batches committed and answers in them (for the benchmark's lever report and tests). */
  readonly stats = { batches: 0, answers: 0, largest: 0 };

  constructor(
    private readonly kernel: Kernel,
    private readonly mutate: <R>(eventId: string, work: Work<R>) => Promise<{ result: R }>,
  ) {}

  submit<R>(eventId: string, work: Item<R>['work']): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      let list = this.pending.get(eventId);
      if (!list) {
        list = [];
        this.pending.set(eventId, list);
        // setImmediate: answers read in the same I/O turn join this batch; the queue adds whatever
        // arrives while an earlier commit runs.
        setImmediate(() => void this.kernel.queues.run(eventId, () => this.flush(eventId)));
      }
      list.push({ work, resolve, reject } as Item<unknown>);
    });
  }

  private async flush(eventId: string): Promise<void> {
    const items = this.pending.get(eventId) ?? [];
    this.pending.delete(eventId);
    if (!items.length) return;
    const outcomes: Array<{ ok: true; value: unknown } | { ok: false; err: unknown }> = [];
    try {
      await this.mutate(eventId, async (trx, ev) => {
        for (const item of items) {
          try {
            outcomes.push({ ok: true, value: await item.work(trx, ev) });
          } catch (err) {
            // Only a refusal of this one answer; anything else (SQL) fails the whole batch.
            if (!(err instanceof DomainError)) throw err;
            outcomes.push({ ok: false, err });
          }
        }
        return { result: null, changes: null };
      });
    } catch (err) {
      for (const item of items) item.reject(err);
      return;
    }
    this.stats.batches++;
    this.stats.answers += items.length;
    this.stats.largest = Math.max(this.stats.largest, items.length);
    items.forEach((item, i) => {
      const o = outcomes[i]!;
      if (o.ok) item.resolve(o.value);
      else item.reject(o.err);
    });
  }
}
