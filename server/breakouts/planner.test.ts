import { performance } from 'node:perf_hooks';
import { afterAll, describe, expect, it } from 'vitest';
import { DomainError } from '../../shared/errors.js';
import { createLogger } from '../logger.js';
import { planRounds, type PlanChoices } from './core/plan.js';
import type { PersonInfo } from './core/types.js';
import { Planner } from './planner.js';

const errors: unknown[] = [];
const logger = createLogger('silent');
logger.error = ((obj: unknown) => void errors.push(obj)) as typeof logger.error;
const planner = new Planner(logger, { clock: () => performance.now() });
afterAll(() => planner.stop());

const people = (n: number): PersonInfo[] => Array.from({ length: n }, (_, i) => ({ id: `p${i}`, name: null, attributes: {} }));
const ctx = (n: number, seed = 3) => ({ eventId: 'e', eventCode: '123456', language: 'de' as const, firstNumber: 1, people: people(n), history: [], roundIds: ['a', 'b', 'c'], seed });
const choices = (extra: Partial<PlanChoices>): PlanChoices => ({ rounds: 1, mode: 'mix', durationSec: 600, ...extra });

describe('planning on a worker thread', () => {
  it('gives the same plan as the inline engine for the same seed', async () => {
    const c = choices({ size: 4, rounds: 3 });
    const inWorker = await planner.plan(c, ctx(16));
    const inline = planRounds(c, { ...ctx(16), engine: { clock: () => performance.now() } });
    expect(inWorker.map((r) => r.groups.map((g) => g.members))).toEqual(inline.map((r) => r.groups.map((g) => g.members)));
    expect(errors).toEqual([]);
  });

  it('passes the engine’s refusal through as the same DomainError', async () => {
    const err = await planner.plan(choices({ groups: 9 }), ctx(4)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect(err).toMatchObject({ code: 'plan_failed', extra: { params: { reason: 'invalid_group_count', groups: 9, people: 4 } } });
  });

  it('keeps the event loop free while the engine searches for seconds', async () => {
    // 150 people in groups of 10 over 10 rounds: no repeat-free schedule is known and the proven lower bound
    // is 0, so the search runs to its time limit (a forced-repeat instance would stop early at its bound).
    let worst = 0;
    let last = performance.now();
    const tick = setInterval(() => {
      const now = performance.now();
      worst = Math.max(worst, now - last);
      last = now;
    }, 10);
    const started = performance.now();
    const roundIds = Array.from({ length: 10 }, (_, i) => `r${i}`);
    const rounds = await planner.plan(choices({ size: 10, rounds: 10 }), { ...ctx(150), roundIds });
    clearInterval(tick);
    expect(performance.now() - started).toBeGreaterThan(1000);
    expect(worst).toBeLessThan(250);
    expect(rounds).toHaveLength(10);
    for (const r of rounds) expect(r.groups.flatMap((g) => g.members).sort()).toEqual(people(150).map((p) => p.id).sort());
  });
});
