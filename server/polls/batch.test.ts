import { describe, expect, it } from 'vitest';
import { DomainError } from '../../shared/errors.js';
import type { Kernel } from '../kernel/feature.js';
import { SerialQueues } from '../kernel/serial-queue.js';
import { AnswerBatcher } from './batch.js';
import type { Work } from './mutate.js';
import type { EventPolls } from './state.js';

function setup(fail = false) {
  const commits: number[] = [];
  const kernel = { queues: new SerialQueues() } as unknown as Kernel;
  const ev = {} as EventPolls;
  const mutate = async <R>(_eventId: string, work: Work<R>) => {
    const out = await work(null as never, ev);
    if (fail) throw new Error('disk full');
    commits.push(1);
    return { result: out.result };
  };
  return { batcher: new AnswerBatcher(kernel, mutate), commits };
}

describe('AnswerBatcher', () => {
  it('commits answers of the same turn together; a refusal refuses only its answer', async () => {
    const { batcher, commits } = setup();
    const seen: number[] = [];
    const results = await Promise.allSettled([
      batcher.submit('e', async () => (seen.push(1), 'a')),
      batcher.submit('e', async () => {
        throw new DomainError('already_answered' as never, 'twice');
      }),
      batcher.submit('e', async () => (seen.push(3), 'c')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(results[0]).toMatchObject({ value: 'a' });
    expect(seen).toEqual([1, 3]);
    expect(commits).toHaveLength(1);
    expect(batcher.stats).toEqual({ batches: 1, answers: 3, largest: 3 });
  });

  it('a failed commit fails every answer of the batch (none is acknowledged)', async () => {
    const { batcher } = setup(true);
    const results = await Promise.allSettled([batcher.submit('e', async () => 'a'), batcher.submit('e', async () => 'b')]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  });

  it('answers arriving later form the next batch', async () => {
    const { batcher, commits } = setup();
    await batcher.submit('e', async () => 1);
    await batcher.submit('e', async () => 2);
    expect(commits).toHaveLength(2);
  });
});
