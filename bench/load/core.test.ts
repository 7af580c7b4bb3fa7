import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { Histogram, SERVER_NODE_FLAGS } from '../qa/core.js';
import {
  ArgError, askerIndex, clusterBlocker, deliveredPerSec, dueCount, intendedAt, keyOfQuestionText, maxSustained, nextFindMaxRate, parseLoadArgs,
  questionKey, questionText, rankLatencies, summary, toJson, type Trial,
} from './core.js';

describe('parseLoadArgs', () => {
  it('reads every flag of the issue, in both spellings', () => {
    const a = parseLoadArgs(['--attendees', '5000', '--moderators=3', '--questions', '20', '--upvotes', '2000', '--duration', '30', '--poll-burst', '--find-max', '--baseline', '--nodes', '2', '--json', 'out.json']);
    expect(a).toMatchObject({ attendees: 5000, moderators: 3, questions: 20, upvotes: 2000, duration: 30, pollBurst: true, findMax: true, baseline: true, nodes: 2, json: 'out.json' });
  });
  it('has defaults: the issue target run', () => {
    expect(parseLoadArgs([])).toMatchObject({ attendees: 5000, moderators: 3, questions: 20, upvotes: 2000, duration: 30, pollBurst: false, findMax: false, baseline: false, nodes: 1, json: null });
  });
  it.each([
    [['--attendees', '0']],
    [['--attendees', '1.5']],
    [['--upvotes', 'many']],
    [['--nodes', '0']],
    [['--duration']],
    [['--duration', '--baseline']],
    [['--bogus', '1']],
    [['--baseline=yes']],
    [['attendees']],
    [['--poll-burst', '--moderators', '0']],
  ])('refuses %j', (argv) => {
    expect(() => parseLoadArgs(argv)).toThrow(ArgError);
  });
});

describe('clusterBlocker', () => {
  it('lets one node run anywhere', () => expect(clusterBlocker(1, {}, false)).toBeNull());
  it('says cluster mode is missing when the server has none', () => expect(clusterBlocker(2, { DATABASE_URL: 'postgres://x', REDIS_URL: 'redis://y' }, false)).toMatch(/cluster mode/));
  it('asks for both URLs', () => {
    expect(clusterBlocker(2, { REDIS_URL: 'redis://y' }, true)).toMatch(/DATABASE_URL/);
    expect(clusterBlocker(2, { DATABASE_URL: 'postgres://x' }, true)).toMatch(/REDIS_URL/);
    expect(clusterBlocker(3, { DATABASE_URL: 'postgres://x', REDIS_URL: 'redis://y' }, true)).toBeNull();
  });
});

describe('the send schedule', () => {
  it('spaces messages evenly from t0', () => {
    expect(intendedAt(1000, 0, 2000)).toBe(1000);
    expect(intendedAt(1000, 2000, 2000)).toBe(2000);
    expect(intendedAt(0, 3, 20)).toBe(150);
  });
  it('counts what is due, not what was sent: a late tick owes the backlog', () => {
    expect(dueCount(-1, 100, 50)).toBe(0);
    expect(dueCount(0, 100, 50)).toBe(1);
    expect(dueCount(95, 100, 50)).toBe(10);
    expect(dueCount(10_000, 100, 50)).toBe(50);
    expect(dueCount(100, 0, 50)).toBe(0);
  });
  it('every message of a step is due by the end of its window', () => {
    const rate = 2000;
    const durMs = 30_000;
    const total = (rate * durMs) / 1000;
    expect(dueCount(durMs, rate, total)).toBe(total);
    expect(intendedAt(0, total - 1, rate)).toBeLessThan(durMs);
  });
});

describe('questions', () => {
  it('carries a key a probe can read back, for any step and counter', () => {
    for (const [step, n] of [[1, 0], [12, 99_999], [3, 7]] as const) {
      const key = questionKey(step, n);
      const text = questionText(key, n);
      expect(text.length).toBeLessThanOrEqual(280);
      expect(keyOfQuestionText(text)).toBe(key);
    }
    expect(keyOfQuestionText('Frage ohne Schlüssel')).toBeNull();
    expect(questionKey(1, 2)).not.toBe(questionKey(12, 0));
  });
  it('askers walk down from the last attendee and wrap', () => {
    expect([0, 1, 2, 3, 4].map((c) => askerIndex(c, 4))).toEqual([3, 2, 1, 0, 3]);
  });
});

describe('latency summaries', () => {
  it('percentiles over delivered and undelivered samples', () => {
    const h = new Histogram();
    for (let i = 1; i <= 98; i++) h.add(i);
    h.addMissing(2);
    const s = summary(h);
    expect(s.samples).toBe(100);
    expect(s.undelivered).toBe(2);
    expect(s.p50).toBeGreaterThanOrEqual(50);
    expect(s.p50).toBeLessThanOrEqual(51);
    expect(s.p99).toBe(Infinity);
    expect(toJson(s)).toContain('"Infinity"');
  });
  it('merges histograms', () => {
    const a = new Histogram();
    const b = new Histogram();
    a.add(10);
    b.add(900);
    b.addMissing(1);
    a.merge(b);
    expect(a.total).toBe(3);
    expect(a.missing).toBe(1);
    expect(a.percentile(0.5)).toBeGreaterThanOrEqual(900);
  });
  it('rank latencies: the j-th answer is visible once the total reaches j', () => {
    const intended = [0, 10, 20];
    const h = rankLatencies(intended, [[[50, 1], [70, 3]], [[100, 2]]]);
    // watcher 1: 50, 60, 50; watcher 2: 100, 90, never
    expect(h.total).toBe(6);
    expect(h.missing).toBe(1);
    expect(h.percentile(0.5)).toBeGreaterThanOrEqual(60);
    expect(h.percentile(0.5)).toBeLessThan(61);
  });
});

describe('find-max', () => {
  const run = (start: number, capacity: number, ceiling = Infinity) => {
    const trials: Trial[] = [];
    for (let r = nextFindMaxRate(start, trials, { factor: 1.5, precision: 0.1, maxSteps: 12, ceiling }); r !== null; r = nextFindMaxRate(start, trials, { factor: 1.5, precision: 0.1, maxSteps: 12, ceiling })) {
      trials.push({ rate: r, pass: r <= capacity });
    }
    return trials;
  };
  it('grows while passing, then bisects to within 10 % of the capacity', () => {
    const trials = run(2000, 5200);
    expect(trials.map((t) => t.rate).slice(0, 3)).toEqual([2000, 3000, 4500]);
    const best = maxSustained(trials)!;
    expect(best).toBeLessThanOrEqual(5200);
    expect(best).toBeGreaterThan(5200 / 1.1 - 50);
  });
  it('goes down when the first rate already fails', () => {
    const trials = run(2000, 700);
    expect(trials[0]).toEqual({ rate: 2000, pass: false });
    const best = maxSustained(trials)!;
    expect(best).toBeLessThanOrEqual(700);
    expect(best).toBeGreaterThan(550);
  });
  it('stops at the ceiling (the attendees cannot vote faster)', () => {
    const trials = run(2000, 1e9, 7500);
    expect(Math.max(...trials.map((t) => t.rate))).toBe(7500);
    expect(maxSustained(trials)).toBe(7500);
  });
  it('reports none when nothing passes, and ignores a pass above a failure (noise)', () => {
    expect(maxSustained(run(100, 10))).toBeNull();
    expect(maxSustained([{ rate: 2000, pass: true }, { rate: 3000, pass: false }, { rate: 4000, pass: true }])).toBe(2000);
  });
});

describe('deliveredPerSec', () => {
  it('is the offered rate for a server that keeps up, less when it falls behind', () => {
    expect(deliveredPerSec(2000 * 30 * 200, 0, 200, 30_000)).toBe(2000);
    expect(deliveredPerSec(1000 * 200, 500 * 200, 200, 10_000)).toBe(50);
    expect(deliveredPerSec(10, 0, 0, 1000)).toBe(0);
  });
});

describe('the server the benchmark starts', () => {
  it('runs with the node flags of npm start and of the systemd unit in docs/deploy', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.start).toContain(`node ${SERVER_NODE_FLAGS.join(' ')} dist/node/server/main.js`);
    const unit = readFileSync(new URL('../../docs/deploy/plenum.service', import.meta.url), 'utf8');
    expect(unit).toContain(`ExecStart=/usr/bin/node ${SERVER_NODE_FLAGS.join(' ')} dist/node/server/main.js`);
  });
});
