/**
 * Whether an attendee's answer is accepted, and its normalised form. Every refusal is a DomainError with
 * a code the client translates; nothing is stored when one is thrown.
 *
 *   unknown poll → not_found            poll not open / timer ran out → poll_closed
 *   answer of another type → invalid_payload                    already answered, no change → already_answered
 *   option/item/question not in the poll → unknown_option        more than maxSelections → too_many_selections
 *   rating outside 1…scale → invalid_payload                    repeated option → invalid_payload
 *   empty word / text → empty_answer   word > 40 / text > 300 → too_long   too many words → too_many_selections
 *   ranking not every item exactly once → not_a_ranking
 * Quiz answers: see quiz.ts (validateQuizAnswer).
 */
import { POLL_LIMITS, type AnswerPayload, type PollDefinition } from '../../../shared/polls/schemas.js';
import { pollError } from './errors.js';
import type { PollRecord } from './types.js';
import { cleanWord } from './words.js';

/** Open, and its timer (if any) has not run out at `now`. */
export function acceptsAnswers(poll: Pick<PollRecord, 'status' | 'closesAt'>, now: Date): boolean {
  return poll.status === 'open' && (poll.closesAt === null || Date.parse(poll.closesAt) > now.getTime());
}

export interface AnswerCheck {
  /** The attendee's current answer to this poll, if any. */
  hasAnswered: boolean;
  now: Date;
}

export function requireOpen(poll: PollRecord | undefined, now: Date): PollRecord {
  if (!poll || poll.status === 'draft') throw pollError('not_found', 'no such poll');
  if (!acceptsAnswers(poll, now)) throw pollError('poll_closed', 'this poll is not open for answers');
  return poll;
}

function optionIds(def: PollDefinition): Set<string> {
  if (def.type === 'single' || def.type === 'multiple') return new Set(def.options.map((o) => o.id));
  if (def.type === 'ranking') return new Set(def.items.map((o) => o.id));
  return new Set();
}

export function validateAnswer(poll: PollRecord | undefined, answer: AnswerPayload, check: AnswerCheck): AnswerPayload {
  const p = requireOpen(poll, check.now);
  const def = p.definition;
  if (def.type === 'quiz') throw pollError('invalid_payload', 'quiz answers name the question (polls:answer with type quiz)');
  if (answer.type !== def.type) throw pollError('invalid_payload', `this poll takes ${def.type} answers`);
  if (check.hasAnswered && !p.settings.allowChange) throw pollError('already_answered', 'you have already answered this poll');
  const known = optionIds(def);

  switch (answer.type) {
    case 'single':
      if (!known.has(answer.optionId)) throw pollError('unknown_option', 'no such option in this poll');
      return answer;
    case 'multiple': {
      const max = def.type === 'multiple' ? def.maxSelections : 1;
      if (new Set(answer.optionIds).size !== answer.optionIds.length) throw pollError('invalid_payload', 'an option is chosen twice');
      if (answer.optionIds.some((id) => !known.has(id))) throw pollError('unknown_option', 'no such option in this poll');
      if (answer.optionIds.length > max) {
        throw pollError('too_many_selections', `at most ${max} options may be chosen`, { params: { max } });
      }
      return answer;
    }
    case 'rating': {
      const scale = def.type === 'rating' ? def.scale : 5;
      if (answer.value < 1 || answer.value > scale) throw pollError('invalid_payload', `a rating is 1 to ${scale}`, { params: { max: scale } });
      return answer;
    }
    case 'wordcloud': {
      const max = def.type === 'wordcloud' ? def.maxWords : 1;
      if (answer.words.length > max) throw pollError('too_many_selections', `at most ${max} words`, { params: { max } });
      const words = answer.words.map(cleanWord);
      const bad = words.findIndex((w) => w === '');
      if (bad >= 0) throw pollError('empty_answer', 'a word is empty', { fields: [`words.${bad}`] });
      const long = words.findIndex((w) => w.length > POLL_LIMITS.wordMax);
      if (long >= 0) {
        throw pollError('too_long', `a word may have at most ${POLL_LIMITS.wordMax} characters`, { fields: [`words.${long}`], params: { max: POLL_LIMITS.wordMax } });
      }
      return { type: 'wordcloud', words };
    }
    case 'open': {
      const text = answer.text.trim();
      if (text === '') throw pollError('empty_answer', 'the answer is empty');
      if (text.length > POLL_LIMITS.openTextMax) {
        throw pollError('too_long', `an answer may have at most ${POLL_LIMITS.openTextMax} characters`, { params: { max: POLL_LIMITS.openTextMax } });
      }
      return { type: 'open', text };
    }
    case 'ranking': {
      const unknown = answer.order.find((id) => !known.has(id));
      if (unknown !== undefined) throw pollError('unknown_option', 'no such item in this poll');
      if (answer.order.length !== known.size || new Set(answer.order).size !== known.size) {
        throw pollError('not_a_ranking', 'a ranking lists every item exactly once');
      }
      return answer;
    }
  }
}
