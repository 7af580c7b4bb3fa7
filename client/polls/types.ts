/**
 * Props contracts of the polls components. Components take plain data and callbacks that return a
 * promise of an ack, so the store slice and the socket wiring can be added later without changing them:
 * `onSubmit={(answer) => send('polls:answer', { pollId, answer })}`.
 */
import type { AnswerPayload } from '../../shared/polls/schemas.js';

/** The wire error shape (and the client's own offline/timeout errors). */
export interface PollErrorLike {
  code: string;
  message?: string;
  retryAfterMs?: number;
  fields?: string[];
  params?: Record<string, string | number>;
}

export type PollAck<R = object> = ({ ok: true } & R) | { ok: false; error: PollErrorLike };

export type SubmitAnswer = (answer: AnswerPayload) => Promise<PollAck<object>>;

/** Current server time in ms (Date.now() corrected by the sync offset); defaults to Date.now. */
export type NowFn = () => number;
