/**
 * The polls feature's entry for the wire contract: its commands, the changes it adds to sync:delta, the
 * personal (per-attendee) changes, its part of the snapshot (key `polls`) and its new error codes.
 * Shaped as the kernel's SharedFeature (shared/kernel/contract.ts on main); after the merge wrap it in
 * `defineFeature(...)` and take the role groups from shared/kernel/roles.ts.
 */
import { z } from 'zod';
import type { Role } from '../kernel/roles.js';
import {
  AnswerCommand, AnswerResult, CreatePollCommand, ImportPollsCommand, ImportPollsResult, NicknameCommand, PollChanges,
  POLL_ERROR_STATUS, PollIdCommand, PollPersonalChanges, PollsSnapshot, PresentCommand, ReorderPollsCommand, RevealCommand,
  ReviewCommand, ReviewResult, RetractCommand, StaffPollResult, UpdatePollCommand, PollId, MyQuiz,
} from './schemas.js';

export * from './schemas.js';

const moderators = ['organizer', 'moderator'] as const satisfies readonly Role[];
const attendees = ['attendee'] as const satisfies readonly Role[];
const Empty = z.object({});

export const pollsFeature = {
  commands: {
    'polls:create': { payload: CreatePollCommand, result: StaffPollResult, roles: moderators },
    /** Settings any time; the definition only while a draft without answers (or closed without answers). */
    'polls:update': { payload: UpdatePollCommand, result: StaffPollResult, roles: moderators },
    /** A draft copy right after the original, without answers. */
    'polls:duplicate': { payload: PollIdCommand, result: StaffPollResult, roles: moderators },
    'polls:reorder': { payload: ReorderPollsCommand, result: z.object({ ids: z.array(PollId) }), roles: moderators },
    'polls:delete': { payload: PollIdCommand, result: Empty, roles: moderators },
    /** Text or JSON list of polls → drafts; dryRun only parses (for the preview). */
    'polls:import': { payload: ImportPollsCommand, result: ImportPollsResult, roles: moderators },
    'polls:open': { payload: PollIdCommand, result: StaffPollResult, roles: moderators },
    'polls:close': { payload: PollIdCommand, result: StaffPollResult, roles: moderators },
    /** closed → open again; answers are kept. */
    'polls:reopen': { payload: PollIdCommand, result: StaffPollResult, roles: moderators },
    /** Removes every answer (draft or closed polls only). */
    'polls:reset': { payload: PollIdCommand, result: StaffPollResult, roles: moderators },
    /** Shows (or hides again) results that the visibility setting keeps from attendees. */
    'polls:reveal': { payload: RevealCommand, result: StaffPollResult, roles: moderators },
    /** Puts a poll on the stage and on attendees' screens (null: none). */
    'polls:present': { payload: PresentCommand, result: z.object({ id: PollId.nullable() }), roles: moderators },
    /** Open text: approve or reject answers for the wall. */
    'polls:review': { payload: ReviewCommand, result: ReviewResult, roles: moderators },
    /** Quiz: lobby → first question, review → next question, last review → finished (closes the quiz). */
    'polls:quizNext': { payload: PollIdCommand, result: StaffPollResult, roles: moderators },
    /** Quiz: end the running question before its timer (→ review). */
    'polls:quizEndQuestion': { payload: PollIdCommand, result: StaffPollResult, roles: moderators },

    'polls:answer': { payload: AnswerCommand, result: AnswerResult, roles: attendees },
    'polls:nickname': { payload: NicknameCommand, result: z.object({ quiz: MyQuiz }), roles: attendees },
    /**
     * Deletes the sender's own answer, open or closed poll (not drafts); the tally is recomputed, an open
     * poll takes a new answer. Quizzes: every answer and the nickname. Nothing to delete: ok, no change.
     */
    'polls:retract': { payload: RetractCommand, result: AnswerResult, roles: attendees },
  },
  changes: PollChanges,
  personal: PollPersonalChanges,
  snapshot: PollsSnapshot,
  /** Code → HTTP status, as the kernel's SharedFeature contract takes them (POLL_ERROR_CODES lists the names). */
  errorCodes: POLL_ERROR_STATUS,
} as const;

export type PollsFeature = typeof pollsFeature;
export type PollCommandName = keyof PollsFeature['commands'];
export type PollCommandPayload<K extends PollCommandName> = z.input<PollsFeature['commands'][K]['payload']>;
export type PollCommandResult<K extends PollCommandName> = z.output<PollsFeature['commands'][K]['result']>;
