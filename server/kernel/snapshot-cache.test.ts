import { describe, expect, it } from 'vitest';
import { SnapshotCache } from './snapshot-cache.js';

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('SnapshotCache', () => {
  it('builds once per (event, view, seq); concurrent requests share the in-flight build', async () => {
    let builds = 0;
    const cache = new SnapshotCache<string>(60_000, () => (builds += 1));
    const d = deferred<string>();
    const first = cache.get('e', 'pub', 5, 0, () => d.promise);
    const second = cache.get('e', 'pub', 5, 1, () => Promise.resolve('other'));
    expect(first.shared).toBe(false);
    expect(second.shared).toBe(true);
    d.resolve('built');
    expect(await first.value).toBe('built');
    expect(await second.value).toBe('built');
    expect(await cache.get('e', 'pub', 5, 2, () => Promise.resolve('again')).value).toBe('built');
    expect(builds).toBe(1);
    expect(cache.stats).toEqual({ builds: 1, hits: 2 });
  });

  it('keys by event and view: another view or event builds its own', async () => {
    const cache = new SnapshotCache<string>();
    await cache.get('e', 'pub', 1, 0, async () => 'pub').value;
    expect(await cache.get('e', 'staff', 1, 0, async () => 'staff').value).toBe('staff');
    expect(await cache.get('f', 'pub', 1, 0, async () => 'f-pub').value).toBe('f-pub');
    expect(await cache.get('e', 'pub', 1, 0, async () => 'x').value).toBe('pub');
    expect(cache.size).toBe(3);
  });

  it('never serves an entry of another seq; only a newer seq replaces the entry', async () => {
    const cache = new SnapshotCache<string>();
    expect(await cache.get('e', 'pub', 5, 0, async () => 'five').value).toBe('five');
    // An older seq (a transaction that read before a commit) builds for itself and leaves the entry alone.
    const older = cache.get('e', 'pub', 4, 0, async () => 'four');
    expect(older.shared).toBe(false);
    expect(await older.value).toBe('four');
    expect(cache.seqOf('e', 'pub')).toBe(5);
    expect(await cache.get('e', 'pub', 5, 0, async () => 'x').value).toBe('five');
    // A newer one replaces it.
    expect(await cache.get('e', 'pub', 6, 0, async () => 'six').value).toBe('six');
    expect(cache.seqOf('e', 'pub')).toBe(6);
    expect(cache.size).toBe(1);
  });

  it('drops a failed build, so the next request builds again', async () => {
    const cache = new SnapshotCache<string>();
    const failing = cache.get('e', 'pub', 1, 0, async () => {
      throw new Error('boom');
    });
    await expect(failing.value).rejects.toThrow('boom');
    expect(cache.size).toBe(0);
    expect(await cache.get('e', 'pub', 1, 0, async () => 'ok').value).toBe('ok');
  });

  it('drops entries unused for idleMs and forgets a deleted event', async () => {
    const cache = new SnapshotCache<string>(1_000);
    await cache.get('idle', 'pub', 1, 0, async () => 'a').value;
    await cache.get('busy', 'pub', 1, 0, async () => 'b').value;
    await cache.get('busy', 'staff', 1, 0, async () => 'c').value;
    cache.get('busy', 'pub', 1, 900, async () => 'x');
    cache.get('busy', 'staff', 1, 900, async () => 'x');
    cache.get('busy', 'pub', 1, 1_600, async () => 'x');
    expect(cache.seqOf('idle', 'pub')).toBeUndefined();
    expect(cache.seqOf('busy', 'pub')).toBe(1);
    cache.forget('busy');
    expect(cache.size).toBe(0);
  });
});

describe('SnapshotCache sweep without traffic', () => {
  it('sweep() drops idle entries when called by the timer', async () => {
    const cache = new SnapshotCache<string>(1_000);
    await cache.get('e', 'pub', 1, 10_000, async () => 'a').value;
    cache.sweep(10_400);
    expect(cache.size).toBe(1);
    cache.sweep(11_200);
    expect(cache.size).toBe(0);
  });
});
