/**
 * Which questions the speaker sees, in order: the highlighted question is "now", then the moderators'
 * queue. Without a highlight, a question on air on the room screen is "now". Pure: the page passes the
 * Q&A slice and the room screen's item.
 */
import type { OnAirItem } from '../../shared/stage/index.js';
import type { AnyQuestion, QaData } from '../qa/index.js';

export interface Picked {
  now: AnyQuestion | null;
  next: AnyQuestion[];
}

/** Only questions still to be answered are "next"; an answered one may still be "now" until it is taken down. */
const open = (q: AnyQuestion | undefined): q is AnyQuestion => q !== undefined && q.state === 'live';

export function pickedQuestions(qa: Pick<QaData, 'questions' | 'highlightedId' | 'queue'>, roomItem: OnAirItem | null): Picked {
  const highlighted = qa.highlightedId ? qa.questions[qa.highlightedId] : undefined;
  const onAir = roomItem?.kind === 'question' ? qa.questions[roomItem.questionId] : undefined;
  const now = highlighted ?? onAir ?? null;
  const next = qa.queue.filter((id) => id !== now?.id).map((id) => qa.questions[id]).filter(open);
  return { now, next };
}
