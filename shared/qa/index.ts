/** The Q&A feature's public entry. */
import { z } from 'zod';
import { QaSettings, QaSettingsPatch } from '../events/schemas.js';
import { attendees, moderators, type SharedFeature } from '../kernel/contract.js';
import {
  ApproveCommand, AskCommand, BulkCommand, BulkResult, EditOwnCommand, HighlightCommand, IdCommand, LabelCommand,
  ModEditCommand, ModQuestionResult, QaChanges, QaPersonalChanges, QaSnapshot, QuestionId, QuestionResult, QueueCommand,
  ReplyCommand, StarCommand, VoteCommand, VoteResult, WithdrawCommand,
} from './schemas.js';

export * from './schemas.js';

const Empty = z.object({});

export const qaCommands = {
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
  'qa:bulk': { payload: BulkCommand, result: BulkResult, roles: moderators },
} as const;

export const qaFeature = {
  commands: qaCommands,
  changes: QaChanges,
  personal: QaPersonalChanges,
  snapshot: QaSnapshot,
  errorCodes: [],
  settings: { schema: QaSettings, patch: QaSettingsPatch },
} as const satisfies SharedFeature;
