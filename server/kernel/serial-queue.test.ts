import { describe, expect, it } from 'vitest';
import { SerialQueues } from './serial-queue.js';

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('serial queues', () => {
  it('runs tasks of one key in order even when earlier ones are slower, and survives failures', async () => {
    const queues = new SerialQueues();
    const log: string[] = [];
    const a = queues.run('e1', async () => {
      await tick(20);
      log.push('a');
    });
    const b = queues.run('e1', async () => {
      log.push('b');
      throw new Error('boom');
    });
    const c = queues.run('e1', async () => {
      log.push('c');
      return 42;
    });
    await a;
    await expect(b).rejects.toThrow('boom');
    expect(await c).toBe(42);
    expect(log).toEqual(['a', 'b', 'c']);
    await queues.idle();
    expect(queues.activeKeys).toBe(0);
  });

  it('does not make one event wait for another', async () => {
    const queues = new SerialQueues();
    const log: string[] = [];
    const slow = queues.run('e1', async () => {
      await tick(30);
      log.push('slow');
    });
    await queues.run('e2', async () => {
      log.push('fast');
    });
    await slow;
    expect(log).toEqual(['fast', 'slow']);
  });
});
