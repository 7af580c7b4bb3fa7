/**
 * The Q&A slice of the synced state, as pure functions: the questions this audience sees, the board
 * (highlight, queue), the pending count, and the attendee's own questions and votes, which arrive as
 * personal changes (`qa:own`, `qa:myVote`) and acks, idempotently and outside the seq.
 */
import { oldestAnswered, type AnsweredCursor } from '../../shared/qa/answered.js';
import type { ModQuestion, QaSnapshot, Question } from '../../shared/qa/schemas.js';
import type { Change, PersonalChange } from '../../shared/socket.js';
import type { FeatureSlice } from '../kernel/feature.js';

export type AnyQuestion = Question | ModQuestion;

export interface QaData {
  questions: Readonly<Record<string, AnyQuestion>>;
  highlightedId: string | null;
  queue: readonly string[];
  pendingCount: number;
  /** Answered questions older than the oldest one held (the snapshot holds the newest 50; pages load more). */
  answeredOlder: number;
  /** The next page of answered questions starts before this one; null when none is held. */
  answeredCursor: AnsweredCursor | null;
  /** Question ids this attendee has upvoted. */
  myVotes: Readonly<Record<string, true>>;
  /** This attendee's own questions in every state but withdrawn, as last reported by the server. */
  own: Readonly<Record<string, Question>>;
}

export const emptyQa: QaData = {
  questions: {},
  highlightedId: null,
  queue: [],
  pendingCount: 0,
  answeredOlder: 0,
  answeredCursor: null,
  myVotes: {},
  own: {},
};

function byId<T extends { id: string }>(items: readonly T[]): Record<string, T> {
  const out: Record<string, T> = {};
  for (const item of items) out[item.id] = item;
  return out;
}

export function qaFromSnapshot(snap: QaSnapshot): QaData {
  const myVotes: Record<string, true> = {};
  for (const id of snap.myVotes) myVotes[id] = true;
  return {
    questions: byId(snap.questions),
    highlightedId: snap.highlightedId,
    queue: snap.queue,
    pendingCount: snap.pendingCount,
    answeredOlder: snap.answeredOlder,
    answeredCursor: oldestAnswered(snap.questions),
    myVotes,
    own: byId(snap.own),
  };
}

export function applyQaChange(qa: QaData, change: Change): QaData {
  switch (change.type) {
    case 'question:upsert':
      return { ...qa, questions: { ...qa.questions, [change.question.id]: change.question } };
    case 'question:remove':
      return removeQuestion(qa, change.id);
    case 'question:votes': {
      const questions = { ...qa.questions };
      const own = { ...qa.own };
      for (const [id, votes] of Object.entries(change.counts)) {
        const q = questions[id];
        if (q) questions[id] = { ...q, votes };
        const o = own[id];
        if (o) own[id] = { ...o, votes };
      }
      return { ...qa, questions, own };
    }
    case 'qa:pendingCount':
      return { ...qa, pendingCount: change.count };
    case 'qa:highlight':
      return { ...qa, highlightedId: change.id };
    case 'qa:queue':
      return { ...qa, queue: change.ids };
    case 'question:voteAlert': {
      // Staff only: the vote alert of a question they see.
      const q = qa.questions[change.id];
      if (!q) return qa;
      return { ...qa, questions: { ...qa.questions, [change.id]: { ...q, voteAlert: change.alert } } };
    }
    default:
      return qa;
  }
}

/**
 * A removal means "deleted" or "no longer public". If the question was never public here, it was deleted:
 * drop it from the own questions too (no `qa:own` follows a deletion). If it was public and the author's
 * copy still says so, drop that as well; a state change (e.g. rejected) arrives as `qa:own` right after.
 * An own copy that already shows a non-public state came from that `qa:own` and stays.
 */
function removeQuestion(qa: QaData, id: string): QaData {
  const wasPublic = id in qa.questions;
  const ownCopy = qa.own[id];
  const dropOwn = ownCopy !== undefined && (!wasPublic || ownCopy.state === 'live' || ownCopy.state === 'answered');
  if (!wasPublic && !dropOwn) return qa;
  const { [id]: _gone, ...questions } = qa.questions;
  if (!dropOwn) return { ...qa, questions };
  const { [id]: _ownGone, ...own } = qa.own;
  return { ...qa, questions, own };
}

/**
 * `qa:own` and the acks of ask/editOwn: the author's view of an own question. A withdrawn one leaves the
 * own questions (as in the snapshot, which does not list it).
 */
export function applyOwn(qa: QaData, question: Question): QaData {
  const prev = qa.own[question.id];
  // Acks and pushes may arrive in either order; never let an older version overwrite a newer one.
  if (prev && prev.updatedAt > question.updatedAt) return qa;
  if (question.state === 'withdrawn') {
    if (!prev) return qa;
    const { [question.id]: _gone, ...own } = qa.own;
    return { ...qa, own };
  }
  return { ...qa, own: { ...qa.own, [question.id]: question } };
}

/**
 * The ok ack of qa:withdraw carries nothing: the author's tabs hide the question at once, instead of
 * waiting for the `question:remove` delta and the `qa:own` push (both then find nothing to do).
 */
export function withdrawn(qa: QaData, id: string): QaData {
  if (!(id in qa.own) && !(id in qa.questions)) return qa;
  const { [id]: _own, ...own } = qa.own;
  const { [id]: _pub, ...questions } = qa.questions;
  return { ...qa, own, questions };
}

/** `qa:myVote` and the ack of qa:vote. */
export function applyMyVote(qa: QaData, vote: { id: string; voted: boolean }): QaData {
  const has = qa.myVotes[vote.id] === true;
  if (has === vote.voted) return qa;
  const myVotes = { ...qa.myVotes };
  if (vote.voted) myVotes[vote.id] = true;
  else delete myVotes[vote.id];
  return { ...qa, myVotes };
}

/**
 * The ack of qa:answeredPage: older answered questions join the list (a question a delta brought in
 * meanwhile keeps that newer copy), with the attendee's votes among them. A page asked for before another
 * snapshot or page moved the cursor is dropped: it would leave a hole or count twice.
 */
export function applyAnsweredPage(
  qa: QaData,
  page: { questions: readonly AnyQuestion[]; older: number; myVotes: readonly string[] },
  before: AnsweredCursor,
): QaData {
  const cursor = qa.answeredCursor;
  if (!cursor || cursor.at !== before.at || cursor.id !== before.id) return qa;
  const questions = { ...qa.questions };
  for (const q of page.questions) if (!(q.id in questions)) questions[q.id] = q;
  const myVotes = { ...qa.myVotes };
  for (const id of page.myVotes) myVotes[id] = true;
  return {
    ...qa,
    questions,
    myVotes,
    answeredOlder: page.older,
    answeredCursor: page.questions.length ? oldestAnswered(page.questions) : cursor,
  };
}

export const qaSlice: FeatureSlice<QaData, 'qa'> = {
  name: 'qa',
  empty: emptyQa,
  fromSnapshot: qaFromSnapshot,
  apply: applyQaChange,
  personal(qa, change: PersonalChange) {
    switch (change.type) {
      case 'qa:own':
        return applyOwn(qa, change.question);
      case 'qa:myVote':
        return applyMyVote(qa, change);
      default:
        return qa;
    }
  },
  onAck: {
    'qa:ask': (qa, result) => applyOwn(qa, result.question),
    'qa:editOwn': (qa, result) => applyOwn(qa, result.question),
    'qa:withdraw': (qa, _result, payload) => withdrawn(qa, payload.id),
    'qa:vote': (qa, result) => applyMyVote(qa, result),
    'qa:answeredPage': (qa, result, payload) => applyAnsweredPage(qa, result, payload.before),
  },
};
