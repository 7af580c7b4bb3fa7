/**
 * Runs planning and reshuffling (the engine's search) on a worker thread, so the event loop keeps serving
 * every other event while one facilitator plans. One long-lived worker, started on first use; jobs are
 * answered in order. If the worker cannot start (or dies), the job runs inline instead and the error is
 * logged: slower for everyone else, but the facilitator still gets the plan.
 */
import { extname } from 'node:path';
import { Worker } from 'node:worker_threads';
import { DomainError, type WireError } from '../../shared/errors.js';
import type { Logger } from '../logger.js';
import { planRounds, reshuffle, type PlanChoices, type PlanContext } from './core/plan.js';
import type { IdRound, PersonInfo, RoundState } from './core/types.js';
import type { PlanOptions } from './engine/index.js';

type PlanCtx = Omit<PlanContext, 'engine'>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type ReshuffleCtx = { people: readonly PersonInfo[]; history: readonly IdRound[]; seed: number; timeLimitMs?: number };

export type PlanJob =
  | { id: number; kind: 'plan'; choices: PlanChoices; ctx: PlanCtx }
  | { id: number; kind: 'reshuffle'; round: RoundState; ctx: ReshuffleCtx };

export type PlanReply =
  | { id: number; ok: true; rounds: RoundState[] }
  | { id: number; ok: false; error: { code: WireError['code']; message: string; extra: DomainError['extra'] } };

/** Far above the engine's own time limits; a worker that takes longer is stuck and gets replaced. */
const JOB_TIMEOUT_MS = 60_000;

export class Planner {
  private worker: Worker | null = null;
  private next = 1;
  private readonly pending = new Map<number, { resolve: (r: RoundState[]) => void; reject: (e: unknown) => void; timer: NodeJS.Timeout; inline: () => RoundState[] }>();
  private broken = false;

  constructor(
    private readonly logger: Logger,
    private readonly inlineEngine: PlanOptions,
  ) {}

  plan(choices: PlanChoices, ctx: PlanCtx): Promise<RoundState[]> {
    return this.run({ kind: 'plan', choices, ctx }, () => planRounds(choices, { ...ctx, engine: this.inlineEngine }));
  }

  async reshuffle(round: RoundState, ctx: ReshuffleCtx): Promise<RoundState> {
    const [out] = await this.run({ kind: 'reshuffle', round, ctx }, () => [reshuffle(round, { ...ctx, engine: this.inlineEngine })]);
    return out!;
  }

  async stop(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.fail(new DomainError('internal', 'the server is shutting down'));
    if (worker) await worker.terminate();
  }

  private async run(job: DistributiveOmit<PlanJob, 'id'>, inline: () => RoundState[]): Promise<RoundState[]> {
    const worker = this.broken ? null : this.ensureWorker();
    if (!worker) return inline();
    const id = this.next++;
    return new Promise<RoundState[]>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.logger.error({ id }, 'planning worker timed out; replacing it');
        this.replace(new DomainError('internal', 'planning took too long; nothing was changed'));
      }, JOB_TIMEOUT_MS);
      this.pending.set(id, { resolve, reject, timer, inline });
      worker.postMessage({ ...job, id } as PlanJob);
    });
  }

  private ensureWorker(): Worker | null {
    if (this.worker) return this.worker;
    try {
      // The worker loads TypeScript through tsx like the main process (a plain .js build works as well).
      const url = new URL(`./plan-worker${extname(new URL(import.meta.url).pathname)}`, import.meta.url).href;
      const code = `import('tsx/esm/api').then((m) => m.register()).catch(() => {}).then(() => import(${JSON.stringify(url)}));`;
      const worker = new Worker(code, { eval: true });
      worker.unref();
      worker.on('message', (reply: PlanReply) => this.settle(reply));
      worker.on('error', (err) => {
        this.logger.error({ err }, 'planning worker failed; planning runs inline from now on');
        this.broken = true;
        if (this.worker === worker) this.worker = null;
        void worker.terminate();
        // The jobs it had are done here instead, so the facilitator still gets an answer.
        for (const [id, job] of this.pending) {
          clearTimeout(job.timer);
          this.pending.delete(id);
          try {
            job.resolve(job.inline());
          } catch (e) {
            job.reject(e);
          }
        }
      });
      worker.on('exit', () => {
        if (this.worker === worker) this.worker = null;
      });
      this.worker = worker;
      return worker;
    } catch (err) {
      this.logger.error({ err }, 'could not start the planning worker; planning runs inline');
      this.broken = true;
      return null;
    }
  }

  private settle(reply: PlanReply): void {
    const job = this.pending.get(reply.id);
    if (!job) return;
    clearTimeout(job.timer);
    this.pending.delete(reply.id);
    if (reply.ok) job.resolve(reply.rounds);
    else job.reject(new DomainError(reply.error.code, reply.error.message, reply.error.extra));
  }

  private fail(err: unknown): void {
    for (const [id, job] of this.pending) {
      clearTimeout(job.timer);
      job.reject(err);
      this.pending.delete(id);
    }
  }

  private replace(err: unknown): void {
    const worker = this.worker;
    this.worker = null;
    this.fail(err);
    void worker?.terminate();
  }
}
