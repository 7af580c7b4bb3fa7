/**
 * Answered questions are paged (docs/protocol.md `qa:answeredPage`): a snapshot carries every question
 * that is not answered, the newest ANSWERED_PAGE answered ones and how many older ones there are; the
 * client asks for the next page before the oldest it holds. Newest first = by answeredAt (createdAt if
 * none), then by id, both descending; the cursor is that key of the oldest question held. Pure; the
 * server and the client use the same order.
 */
// No zod here: the attendee page imports this file, and zod stays off that page (tests/budget).

export const ANSWERED_PAGE = 50;

/** The key of a question in that order; `qa:answeredPage`'s cursor (its schema: AnsweredCursor in index.ts). */
export interface AnsweredCursor {
  at: string;
  id: string;
}

interface Answerable {
  id: string;
  state: string;
  answeredAt: string | null;
  createdAt: string;
}

export function answeredKey(q: Answerable): AnsweredCursor {
  return { at: q.answeredAt ?? q.createdAt, id: q.id };
}

function compareKeys(a: AnsweredCursor, b: AnsweredCursor): number {
  if (a.at !== b.at) return a.at < b.at ? -1 : 1;
  return a.id === b.id ? 0 : a.id < b.id ? -1 : 1;
}

/** Sort comparator: newest answered first. */
export function newestAnsweredFirst(a: Answerable, b: Answerable): number {
  return compareKeys(answeredKey(b), answeredKey(a));
}

/**
 * What a snapshot carries of `questions` (in their order): every question not answered and the newest
 * `size` answered ones; `answeredOlder` counts the answered ones left out.
 */
export function withNewestAnswered<T extends Answerable>(questions: readonly T[], size = ANSWERED_PAGE): { questions: T[]; answeredOlder: number } {
  const answered = questions.filter((q) => q.state === 'answered');
  if (answered.length <= size) return { questions: [...questions], answeredOlder: 0 };
  const keep = new Set(answered.sort(newestAnsweredFirst).slice(0, size));
  return { questions: questions.filter((q) => q.state !== 'answered' || keep.has(q)), answeredOlder: answered.length - size };
}

/** The page of answered questions older than `before`, newest first, and how many are older still. */
export function answeredPageOf<T extends Answerable>(answered: readonly T[], before: AnsweredCursor, size = ANSWERED_PAGE): { questions: T[]; older: number } {
  const older = answered.filter((q) => q.state === 'answered' && compareKeys(answeredKey(q), before) < 0).sort(newestAnsweredFirst);
  return { questions: older.slice(0, size), older: Math.max(0, older.length - size) };
}

/** The cursor of the oldest answered question among `questions` (null: none answered). */
export function oldestAnswered(questions: Iterable<Answerable>): AnsweredCursor | null {
  let oldest: AnsweredCursor | null = null;
  for (const q of questions) {
    if (q.state !== 'answered') continue;
    const key = answeredKey(q);
    if (!oldest || compareKeys(key, oldest) < 0) oldest = key;
  }
  return oldest;
}
