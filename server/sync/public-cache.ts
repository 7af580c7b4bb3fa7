/**
 * The public question list of an event is the same for every attendee, stage and facilitator, so a burst
 * of snapshots (the start of an event, everyone reconnecting after a restart) builds it once.
 *
 * Every write that can change it calls `invalidate` inside its transaction; snapshots read and fill the
 * cache inside theirs. On SQLite all transactions share one connection and never interleave, so a cached
 * list always matches the seq read in the same snapshot. (With a connection pool, key the entry by the seq
 * and a vote version read in the snapshot transaction instead.)
 */
import type { Question } from '../../shared/qa/schemas.js';
import type { Board } from '../qa/core/types.js';

export interface PublicList {
  questions: Question[];
  board: Board;
}

export class PublicListCache {
  private readonly entries = new Map<string, PublicList>();

  get(eventId: string): PublicList | undefined {
    return this.entries.get(eventId);
  }

  set(eventId: string, list: PublicList): void {
    this.entries.set(eventId, list);
  }

  invalidate(eventId: string): void {
    this.entries.delete(eventId);
  }
}
