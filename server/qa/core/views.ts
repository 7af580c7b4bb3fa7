/** What each audience may see of a question. */
import type { ModQuestion, Question, QuestionState } from '../../../shared/qa/schemas.js';
import type { QuestionRecord } from './types.js';

/** States every participant sees; pending, rejected and withdrawn are known only to moderators and the author. */
export function isPublicState(state: QuestionState): boolean {
  return state === 'live' || state === 'answered';
}

export function toPublic(q: QuestionRecord): Question {
  return {
    id: q.id,
    text: q.text,
    authorName: q.anonymous ? null : q.authorName,
    state: q.state,
    votes: q.votes,
    labels: q.labels,
    reply: q.reply,
    createdAt: q.createdAt,
    updatedAt: q.updatedAt,
    answeredAt: q.answeredAt,
    source: q.source,
    sourceLabel: q.sourceLabel,
    mergedInto: q.mergedInto,
  };
}

export function toMod(q: QuestionRecord): ModQuestion {
  return { ...toPublic(q), authorId: q.authorId, anonymous: q.anonymous, starred: q.starred, flaggedWords: q.flaggedWords, voteAlert: q.voteAlert };
}
