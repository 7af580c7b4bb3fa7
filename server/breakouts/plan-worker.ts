/**
 * Worker thread for the assignment engine: planning may search for seconds, and on the main thread that
 * would freeze every socket of every event. Jobs in, rounds (or the DomainError) out.
 */
import { performance } from 'node:perf_hooks';
import { parentPort } from 'node:worker_threads';
import { DomainError } from '../../shared/errors.js';
import { planRounds, reshuffle } from './core/plan.js';
import type { PlanJob, PlanReply } from './planner.js';

const port = parentPort;
if (!port) throw new Error('plan-worker runs as a worker thread only');

port.on('message', (job: PlanJob) => {
  const engine = { clock: () => performance.now() };
  let reply: PlanReply;
  try {
    reply =
      job.kind === 'plan'
        ? { id: job.id, ok: true, rounds: planRounds(job.choices, { ...job.ctx, engine }) }
        : { id: job.id, ok: true, rounds: [reshuffle(job.round, { ...job.ctx, engine })] };
  } catch (err) {
    reply = {
      id: job.id,
      ok: false,
      error: err instanceof DomainError ? { code: err.code, message: err.message, extra: err.extra } : { code: 'internal', message: String(err), extra: {} },
    };
  }
  port.postMessage(reply);
});
