/** The Q&A feature on the wire: questions, votes, the moderation board. */
import { z } from 'zod';
import { defineFeature } from '../kernel/contract.js';
import { attendees, moderators, type Role } from '../kernel/roles.js';
import {
  ApproveCommand, AskCommand, DiscountVotesCommand, DiscountVotesResult, DismissVoteAlertCommand, BulkCommand, BulkResult, EditOwnCommand, HighlightCommand, IdCommand, LabelCommand, MergeCommand, MergeResult, ModEditCommand,
  ModQuestion, ModQuestionResult, QaChanges, QaPersonal, QaSettings, QaSettingsPatch, QaSnapshot, Question, QuestionId, QuestionResult, QueueCommand,
  ReplyCommand, StarCommand, VoteCommand, VoteResult, WithdrawCommand, dedupeWords,
} from './schemas.js';


export * from './schemas.js';
export * from './answered.js';

/** Who pages older answered questions: the attendee and moderator views (not the stage and speaker links). */
const answeredReaders = ['organizer', 'moderator', 'facilitator', 'attendee'] as const satisfies readonly Role[];

/** Older answered questions, a page at a time (the snapshot carries the newest 50). */
/** The cursor of a page: the key of the oldest answered question the client holds (answered.ts). */
export const AnsweredCursor = z.object({ at: z.string().min(1).max(64), id: QuestionId }).strict();
export type AnsweredCursor = z.infer<typeof AnsweredCursor>;
export const AnsweredPageCommand = z.object({ before: AnsweredCursor }).strict();
export const AnsweredPageResult = z.object({
  /** Newest first; moderators get ModQuestion. */
  questions: z.array(z.union([ModQuestion, Question])),
  /** Answered questions older than this page. */
  older: z.number().int().nonnegative(),
  /** Attendees: which of these questions they upvoted. */
  myVotes: z.array(QuestionId),
});

const Empty = z.object({});
const VOTE_ALERT_DEFAULTS = QaSettings.parse({});

export const qaFeature = defineFeature({
  commands: {
    'qa:ask': { payload: AskCommand, result: QuestionResult, roles: attendees },
    'qa:editOwn': { payload: EditOwnCommand, result: QuestionResult, roles: attendees },
    'qa:withdraw': { payload: WithdrawCommand, result: Empty, roles: attendees },
    'qa:vote': { payload: VoteCommand, result: VoteResult, roles: attendees },

    'qa:approve': { payload: ApproveCommand, result: ModQuestionResult, roles: moderators },
    'qa:reject': { payload: IdCommand, result: ModQuestionResult, roles: moderators },
    'qa:answer': { payload: IdCommand, result: ModQuestionResult, roles: moderators },
    'qa:restore': { payload: IdCommand, result: ModQuestionResult, roles: moderators },
    'qa:highlight': { payload: HighlightCommand, result: z.object({ id: QuestionId.nullable() }), roles: moderators },
    'qa:queue': { payload: QueueCommand, result: z.object({ ids: z.array(QuestionId) }), roles: moderators },
    'qa:star': { payload: StarCommand, result: ModQuestionResult, roles: moderators },
    'qa:label': { payload: LabelCommand, result: ModQuestionResult, roles: moderators },
    'qa:reply': { payload: ReplyCommand, result: ModQuestionResult, roles: moderators },
    'qa:edit': { payload: ModEditCommand, result: ModQuestionResult, roles: moderators },
    'qa:delete': { payload: IdCommand, result: Empty, roles: moderators },
    'qa:merge': { payload: MergeCommand, result: MergeResult, roles: moderators },
    'qa:bulk': { payload: BulkCommand, result: BulkResult, roles: moderators },
    'qa:dismissVoteAlert': { payload: DismissVoteAlertCommand, result: ModQuestionResult, roles: moderators },
    'qa:answeredPage': { payload: AnsweredPageCommand, result: AnsweredPageResult, roles: answeredReaders },
    'qa:discountVotes': { payload: DiscountVotesCommand, result: DiscountVotesResult, roles: moderators },
  },
  changes: QaChanges,
  personal: QaPersonal,
  snapshot: QaSnapshot,
  errorCodes: {},
  settings: {
    key: 'qa',
    schema: QaSettings.default(QaSettings.parse({})),
    patch: QaSettingsPatch,
    merge: 'object',
    normalize: (qa: QaSettings) => ({ ...qa, blockedWords: dedupeWords(qa.blockedWords) }),
    /**
     * Attendees, stage and facilitators do not get the blocked-words list nor the vote alert's thresholds
     * (both would show how to dodge them): they see the defaults.
     */
    public: (qa: QaSettings) => ({
      ...qa,
      blockedWords: [],
      voteAlert: VOTE_ALERT_DEFAULTS.voteAlert,
      voteAlertVotes: VOTE_ALERT_DEFAULTS.voteAlertVotes,
      voteAlertWindowSeconds: VOTE_ALERT_DEFAULTS.voteAlertWindowSeconds,
      voteAlertNewMinutes: VOTE_ALERT_DEFAULTS.voteAlertNewMinutes,
    }),
  },
});
