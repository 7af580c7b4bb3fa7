/**
 * Group commit of votes: the votes of one event that arrive within one coalescing window (VOTE_WINDOW_MS, default
 * 100 ms, or `options.windows.votes`) are written in ONE transaction inside the event's queue, together with the new
 * counts and the seq bump of their `question:votes` delta. Every vote is acknowledged only after that
 * commit, then the delta goes out (one broadcast for both audiences) and each voter's other tabs get their
 * `qa:myVote`. Before, every vote was its own transaction of four queries and the counts a second one.
 * If the transaction fails, every vote of the window fails (nothing of it was written).
 */
import { sql, type Transaction } from 'kysely';
import type { Change } from '../../shared/socket.js';
import type { DB } from '../db/types.js';
import type { Kernel } from '../kernel/feature.js';
import type { PlenumSocket } from '../kernel/socket-types.js';
import { decideVoteBatch, pairKey, type BatchVote } from './core/vote-batch.js';

interface Pending extends BatchVote {
  socket: PlenumSocket;
  resolve: (outcome: Submitted) => void;
  reject: (err: unknown) => void;
}

/** Whether the attendee now votes for the question, and the seq whose delta carries the change (none: nothing changed). */
export interface Submitted {
  voted: boolean;
  seq?: number;
}

interface Window {
  votes: Pending[];
  timer: NodeJS.Timeout;
}

/** SQLite allows 999 bound parameters per statement on old builds; stay well below. */
const CHUNK = 300;

function chunks<T>(list: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

export class VoteGroupCommit {
  private readonly windows = new Map<string, Window>();
  /** Windows committed and votes in them (for tests and the metrics). */
  readonly stats = { windows: 0, votes: 0, largest: 0 };

  constructor(
    private readonly kernel: Kernel,
    readonly windowMs = kernel.options.windows?.votes ?? kernel.config.voteWindowMs,
    /** Re-decides the vote alerts of these questions inside the window's transaction (staff-only changes). */
    private readonly alerts?: (trx: Transaction<DB>, eventId: string, added: ReadonlyArray<{ questionId: string; attendeeId: string }>, questionIds: string[], now: Date) => Promise<Change[]>,
  ) {}

  /** Resolves once the window's transaction committed. */
  submit(eventId: string, socket: PlenumSocket, vote: BatchVote): Promise<Submitted> {
    return new Promise<Submitted>((resolve, reject) => {
      let w = this.windows.get(eventId);
      if (!w) {
        const timer = setTimeout(() => this.due(eventId), this.windowMs);
        w = { votes: [], timer };
        this.windows.set(eventId, w);
      }
      w.votes.push({ ...vote, socket, resolve, reject });
    });
  }

  private due(eventId: string): void {
    const w = this.windows.get(eventId);
    this.windows.delete(eventId);
    if (!w?.votes.length) return;
    this.kernel.queues.run(eventId, () => this.flush(eventId, w.votes)).catch((err: unknown) => {
      this.kernel.logger.error({ err, eventId }, 'vote window failed');
    });
  }

  private async flush(eventId: string, votes: Pending[]): Promise<void> {
    let committed;
    try {
      committed = await this.kernel.commit(eventId, async (trx) => {
        const decision = await this.decide(trx, eventId, votes);
        const now = this.kernel.now();
        const at = now.toISOString();
        for (const part of chunks(decision.add)) {
          await trx.insertInto('votes').values(part.map((p) => ({ question_id: p.questionId, attendee_id: p.attendeeId, created_at: at }))).execute();
        }
        for (const p of decision.remove) {
          await trx.deleteFrom('votes').where('question_id', '=', p.questionId).where('attendee_id', '=', p.attendeeId).execute();
        }
        const counts: Record<string, number> = {};
        for (const [id, { before, after }] of decision.counts) {
          await trx.updateTable('questions').set((eb) => ({ votes: eb('votes', '+', after - before) })).where('id', '=', id).where('event_id', '=', eventId).execute();
          counts[id] = after;
        }
        const changes: Change[] = [{ type: 'question:votes', counts }];
        // Ballot stuffing: once per window for the questions whose count moved, from this transaction's reads.
        const alerts = this.alerts ? await this.alerts(trx, eventId, decision.add, [...decision.counts.keys()], now) : [];
        return { result: decision.outcomes, changes: decision.counts.size ? { staff: alerts.length ? [...changes, ...alerts] : changes, pub: changes } : null };
      });
    } catch (err) {
      for (const v of votes) v.reject(err);
      return;
    }
    this.stats.windows++;
    this.stats.votes += votes.length;
    this.stats.largest = Math.max(this.stats.largest, votes.length);
    // Committed: staff get the delta now, attendees with their next tick (Delivery); it is queued before
    // the acks go out, so the first public message a voter gets after its ack carries its vote.
    committed.publish();
    const seq = committed.seq >= 0 ? committed.seq : undefined;
    committed.result.forEach((o, i) => (o.ok ? votes[i]!.resolve(o.changed && seq !== undefined ? { voted: o.voted, seq } : { voted: o.voted }) : votes[i]!.reject(o.error)));
    const personal = votes.flatMap((v, i) => {
      const o = committed.result[i]!;
      return o.ok && o.changed ? [{ v, voted: o.voted }] : [];
    });
    for (const { v, voted } of personal) {
      // The other tabs of this attendee (the sending tab has the ack).
      this.kernel.delivery.personalOf(eventId, [{ attendeeId: v.attendeeId, change: { type: 'qa:myVote', id: v.questionId, voted } }], v.socket);
    }
  }

  private async decide(trx: Transaction<DB>, eventId: string, votes: readonly Pending[]) {
    const ids = [...new Set(votes.map((v) => v.questionId))];
    const questions = new Map<string, { state: 'live'; votes: number }>();
    const existing = new Set<string>();
    for (const part of chunks(ids)) {
      const rows = await trx.selectFrom('questions').select(['id', 'state', 'votes']).where('event_id', '=', eventId).where('id', 'in', part).execute();
      for (const r of rows) questions.set(r.id, { state: r.state as 'live', votes: Number(r.votes) });
    }
    // The window's exact pairs. Questions IN (…) AND attendees IN (…) made SQLite probe every combination:
    // 50 questions × 200 voters = 10,000 index lookups per chunk (15 ms) for ~200 pairs (0.7 ms this way).
    const pairs = [...new Map(votes.map((v) => [pairKey(v.questionId, v.attendeeId), v])).values()];
    for (const part of chunks(pairs)) {
      const wanted = sql.join(part.map((p) => sql`(${p.questionId}, ${p.attendeeId})`));
      const rows = await trx
        .selectFrom('votes')
        .select(['question_id', 'attendee_id'])
        .where(sql<boolean>`(question_id, attendee_id) in (values ${wanted})`)
        .execute();
      for (const r of rows) existing.add(pairKey(r.question_id, r.attendee_id));
    }
    return decideVoteBatch(questions, existing, votes);
  }

  /** Shutdown: commits the open windows now instead of waiting for their timers. */
  async stop(): Promise<void> {
    const open = [...this.windows.entries()];
    for (const [eventId, w] of open) {
      clearTimeout(w.timer);
      this.due(eventId);
    }
    await Promise.all(open.map(([eventId]) => this.kernel.queues.run(eventId, async () => undefined)));
  }
}
