/** Pure views of the Q&A data for each page: what to list, in which order, with which marks. */
import type { ModQuestion, Question, QuestionState } from '../../shared/qa/schemas.js';
import type { AnyQuestion, QaData } from './slice.js';

export type AttendeeSort = 'popular' | 'recent';
export type AttendeeTab = 'open' | 'answered';

export interface AttendeeItem {
  question: Question;
  mine: boolean;
  voted: boolean;
}

export interface AttendeeView {
  /** The question on stage, pinned above every list. */
  highlighted: AttendeeItem | null;
  items: AttendeeItem[];
  /** Own questions nobody else sees: awaiting review or declined. */
  ownInReview: AttendeeItem[];
  openCount: number;
  answeredCount: number;
}

const newestFirst = (a: Question, b: Question) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id);
const popularFirst = (a: Question, b: Question) => b.votes - a.votes || newestFirst(a, b);

/** An own question known from both the public list and the personal channel: the newer text, the public count. */
function merged(pub: AnyQuestion | undefined, own: Question | undefined): Question | undefined {
  if (!pub) return own;
  if (!own) return pub;
  return own.updatedAt > pub.updatedAt ? { ...own, votes: pub.votes } : pub;
}

function isPublic(state: QuestionState): boolean {
  return state === 'live' || state === 'answered';
}

export function attendeeView(qa: QaData, sort: AttendeeSort, tab: AttendeeTab): AttendeeView {
  const ids = new Set([...Object.keys(qa.questions), ...Object.keys(qa.own)]);
  const all: AttendeeItem[] = [];
  for (const id of ids) {
    const question = merged(qa.questions[id], qa.own[id]);
    if (!question) continue;
    all.push({ question, mine: id in qa.own, voted: qa.myVotes[id] === true });
  }
  const highlighted = all.find((i) => i.question.id === qa.highlightedId && isPublic(i.question.state)) ?? null;
  const wanted: QuestionState = tab === 'open' ? 'live' : 'answered';
  const order = sort === 'popular' ? popularFirst : newestFirst;
  const items = all
    .filter((i) => i.question.state === wanted && i.question.id !== highlighted?.question.id)
    .sort((a, b) => order(a.question, b.question));
  const ownInReview = all
    .filter((i) => i.mine && (i.question.state === 'pending' || i.question.state === 'rejected' || i.question.state === 'merged'))
    .sort((a, b) => newestFirst(a.question, b.question));
  return {
    highlighted,
    items,
    ownInReview,
    openCount: all.filter((i) => i.question.state === 'live').length,
    // Older answered questions not loaded yet count too (the snapshot holds the newest 50).
    answeredCount: all.filter((i) => i.question.state === 'answered').length + qa.answeredOlder,
  };
}

/** Own questions can be edited until a moderator has dealt with them (deleted in any state). */
export function canChangeOwn(state: QuestionState): boolean {
  return state === 'pending' || state === 'live';
}

// ---- moderator ----

export type ModSort = 'popular' | 'recent' | 'starred';
export type ModFilter = 'live' | 'answered' | 'rejected' | 'all';

/** Moderators receive ModQuestions; a plain Question (should the server ever send one) gets neutral extras. */
export function asMod(q: AnyQuestion): ModQuestion {
  return 'authorId' in q ? q : { ...q, authorId: '', anonymous: q.authorName === null, starred: false, flaggedWords: [] };
}

function matches(q: Question, search: string): boolean {
  const needle = search.trim().toLocaleLowerCase();
  if (!needle) return true;
  return [q.text, q.authorName ?? '', q.reply ?? '', ...q.labels].some((s) => s.toLocaleLowerCase().includes(needle));
}

export interface ModView {
  /** Waiting for review, oldest first so nobody waits forever. */
  incoming: ModQuestion[];
  list: ModQuestion[];
  counts: Record<QuestionState, number>;
}

export function moderatorView(qa: QaData, opts: { filter: ModFilter; sort: ModSort; search: string }): ModView {
  const all = Object.values(qa.questions).map(asMod);
  const counts: Record<QuestionState, number> = { pending: 0, live: 0, answered: 0, rejected: 0, withdrawn: 0, merged: 0 };
  for (const q of all) counts[q.state] += 1;
  counts.answered += qa.answeredOlder;
  const incoming = all
    .filter((q) => q.state === 'pending' && matches(q, opts.search))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  const inFilter = (q: ModQuestion) =>
    opts.filter === 'all' ? q.state === 'live' || q.state === 'answered' || q.state === 'rejected' : q.state === opts.filter;
  const starredFirst = (a: ModQuestion, b: ModQuestion) => Number(b.starred) - Number(a.starred) || popularFirst(a, b);
  const order = opts.sort === 'recent' ? newestFirst : opts.sort === 'popular' ? popularFirst : starredFirst;
  const list = all.filter((q) => inFilter(q) && matches(q, opts.search)).sort(order);
  return { incoming, list, counts };
}

/** Moves one id of the speaker queue up or down; unchanged at the ends. */
export function moveInQueue(queue: readonly string[], id: string, direction: -1 | 1): string[] {
  const out = [...queue];
  const from = out.indexOf(id);
  const to = from + direction;
  if (from < 0 || to < 0 || to >= out.length) return out;
  [out[from], out[to]] = [out[to]!, out[from]!];
  return out;
}
