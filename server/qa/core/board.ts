/** Highlight ("on stage now") and the speakers' queue: both hold live questions only. */
import { DomainError } from '../../../shared/errors.js';
import type { QuestionState } from '../../../shared/qa/schemas.js';
import type { Board, QuestionRecord } from './types.js';

/** The new highlighted id; at most one question is highlighted, and only a live one. */
export function chooseHighlight(id: string | null, question: { state: QuestionState } | undefined): string | null {
  if (id === null) return null;
  if (!question) throw new DomainError('not_found', 'no such question');
  if (question.state !== 'live') throw new DomainError('invalid_state', 'only a live question can be highlighted');
  return id;
}

/** Validates a complete new queue order: distinct ids of live questions of this event. */
export function chooseQueue(ids: readonly string[], states: ReadonlyMap<string, QuestionState>): string[] {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) throw new DomainError('invalid_payload', `question ${id} appears twice in the queue`, { fields: ['ids'] });
    seen.add(id);
    const state = states.get(id);
    if (state === undefined) throw new DomainError('not_found', `no such question: ${id}`);
    if (state !== 'live') throw new DomainError('invalid_state', 'only live questions can be queued');
  }
  return [...ids];
}

/** The board after questions changed (or were deleted: after = null). Pure bookkeeping, no rule checks. */
export function boardAfter(board: Board, changed: ReadonlyArray<{ id: string; after: QuestionRecord | null }>): Board {
  let { highlightedId } = board;
  const dropped = new Set<string>();
  for (const { id, after } of changed) {
    if (after?.highlighted) highlightedId = id;
    else if (highlightedId === id) highlightedId = null;
    if (!after || after.queuePos === null) dropped.add(id);
  }
  return { highlightedId, queue: board.queue.filter((id) => !dropped.has(id)) };
}

export function boardsEqual(a: Board, b: Board): boolean {
  return a.highlightedId === b.highlightedId && a.queue.length === b.queue.length && a.queue.every((id, i) => b.queue[i] === id);
}
