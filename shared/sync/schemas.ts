import { z } from 'zod';
import { EventInfo, Role } from '../events/schemas.js';
import { ModQuestion, Question, QuestionId } from '../qa/schemas.js';
import { BreakoutChanges, BreakoutsSnapshot } from '../breakouts/schemas.js';

/**
 * One change inside a delta. Moderators receive ModQuestion in upserts, everyone else Question;
 * both audiences receive a delta with the same seq for every change of the event.
 */
export const Change = z.discriminatedUnion('type', [
  z.object({ type: z.literal('question:upsert'), question: z.union([ModQuestion, Question]) }),
  z.object({ type: z.literal('question:remove'), id: QuestionId }),
  /** Coalesced vote counts: only the questions whose count changed since the last delta. */
  z.object({ type: z.literal('question:votes'), counts: z.record(z.string(), z.number().int().nonnegative()) }),
  z.object({ type: z.literal('qa:pendingCount'), count: z.number().int().nonnegative() }),
  z.object({ type: z.literal('qa:highlight'), id: QuestionId.nullable() }),
  z.object({ type: z.literal('qa:queue'), ids: z.array(QuestionId) }),
  z.object({ type: z.literal('event:update'), event: EventInfo }),
  ...BreakoutChanges,
]);
export type Change = z.infer<typeof Change>;

/** A numbered batch of changes; seq increases by exactly one per delta of an event. */
export const Delta = z.object({ seq: z.number().int().nonnegative(), changes: z.array(Change) });
export type Delta = z.infer<typeof Delta>;

export const QaSnapshot = z.object({
  /** Attendees and stage: live and answered questions. Moderators: every question but withdrawn. */
  questions: z.array(z.union([ModQuestion, Question])),
  highlightedId: QuestionId.nullable(),
  queue: z.array(QuestionId),
  pendingCount: z.number().int().nonnegative(),
  /** Attendees only: question ids this person has upvoted. */
  myVotes: z.array(QuestionId),
  /** Attendees only: this person's own questions in every state (pending ones are not in questions). */
  own: z.array(Question),
});
export type QaSnapshot = z.infer<typeof QaSnapshot>;

export const Me = z.object({
  role: Role,
  /** Attendee id, organizer id, or the role name for link holders. */
  id: z.string(),
  name: z.string().nullable(),
  /** Attendees: answers to the event's attendee fields (e.g. company). */
  attributes: z.record(z.string(), z.string()).default({}),
});
export type Me = z.infer<typeof Me>;

export const Snapshot = z.object({
  protocol: z.number().int(),
  seq: z.number().int().nonnegative(),
  me: Me,
  event: EventInfo,
  qa: QaSnapshot,
  breakouts: BreakoutsSnapshot,
  /** The server's clock when the snapshot was taken, so countdowns agree across devices. */
  serverTime: z.string(),
});
export type Snapshot = z.infer<typeof Snapshot>;

export const SnapshotCommand = z.object({}).strict();
export const SnapshotResult = z.object({ snapshot: Snapshot });
