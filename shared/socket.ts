/**
 * The wire contract of the Socket.IO connection. Every client→server message is a command with a zod
 * payload schema, a result schema and the roles allowed to send it; the typed event maps below are
 * inferred from this table, and the server registers its handlers from it.
 */
import { z } from 'zod';
import type { Ack } from './errors.js';
import { EventCode, EventInfo, EventSettingsPatch, type Role } from './events/schemas.js';
import {
  ApproveCommand, AskCommand, BulkCommand, BulkResult, DisplayName, EditOwnCommand, HighlightCommand, IdCommand,
  LabelCommand, ModEditCommand, ModQuestionResult, Question, QuestionId, QuestionResult, QueueCommand,
  ReplyCommand, StarCommand, VoteCommand, VoteResult, WithdrawCommand,
} from './qa/schemas.js';
import { Delta, SnapshotCommand, SnapshotResult } from './sync/schemas.js';
import {
  ChooseGroupCommand, CloseCommand, EditResultCommand, EditResultResult, ExtendCommand, GroupEditCommand, HelpCommand,
  HelpRequest, LockCommand, MessageCommand, MoveCommand, PlanCommand, PlanResultSchema, ProfileCommand, ReshuffleCommand,
  ResolveHelpCommand, RoundCommand, RoundResult, ShowResultsCommand, StartCommand, SwapCommand,
} from './breakouts/schemas.js';

interface CommandSpec {
  payload: z.ZodType;
  result: z.ZodType;
  roles: readonly Role[];
}

const everyone = ['organizer', 'moderator', 'facilitator', 'stage', 'attendee'] as const satisfies readonly Role[];
const moderators = ['organizer', 'moderator'] as const satisfies readonly Role[];
const attendees = ['attendee'] as const satisfies readonly Role[];
const facilitators = ['organizer', 'facilitator'] as const satisfies readonly Role[];
/** Who may edit a group's result text: its members (checked by the handler) and the facilitators. */
const resultEditors = ['organizer', 'facilitator', 'attendee'] as const satisfies readonly Role[];
const Empty = z.object({});

export const commands = {
  /** Full state of the event for this role, with the seq it reflects. Also the resync after a gap. */
  'sync:snapshot': { payload: SnapshotCommand, result: SnapshotResult, roles: everyone },
  'attendee:rename': {
    payload: z.object({ name: DisplayName }),
    result: z.object({ name: z.string().nullable() }),
    roles: attendees,
  },

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

  /** Answers to the organizer's attendee fields (e.g. company). */
  'attendee:profile': { payload: ProfileCommand, result: z.object({ attributes: z.record(z.string(), z.string()) }), roles: attendees },

  /** Plan one or more draft rounds with the assignment engine (replaces existing drafts). */
  'breakouts:plan': { payload: PlanCommand, result: PlanResultSchema, roles: facilitators },
  'breakouts:reshuffle': { payload: ReshuffleCommand, result: RoundResult, roles: facilitators },
  'breakouts:move': { payload: MoveCommand, result: RoundResult, roles: facilitators },
  'breakouts:swap': { payload: SwapCommand, result: RoundResult, roles: facilitators },
  'breakouts:lock': { payload: LockCommand, result: RoundResult, roles: facilitators },
  'breakouts:group': { payload: GroupEditCommand, result: RoundResult, roles: facilitators },
  'breakouts:start': { payload: StartCommand, result: RoundResult, roles: facilitators },
  'breakouts:extend': { payload: ExtendCommand, result: RoundResult, roles: facilitators },
  'breakouts:message': { payload: MessageCommand, result: RoundResult, roles: facilitators },
  'breakouts:close': { payload: CloseCommand, result: RoundResult, roles: facilitators },
  'breakouts:discard': { payload: RoundCommand, result: Empty, roles: facilitators },
  'breakouts:showResults': { payload: ShowResultsCommand, result: RoundResult, roles: facilitators },
  'breakouts:resolveHelp': { payload: ResolveHelpCommand, result: z.object({ request: HelpRequest }), roles: facilitators },
  'breakouts:help': { payload: HelpCommand, result: z.object({ request: HelpRequest }), roles: attendees },
  'breakouts:choose': { payload: ChooseGroupCommand, result: RoundResult, roles: attendees },
  'breakouts:editResult': { payload: EditResultCommand, result: EditResultResult, roles: resultEditors },

  'event:settings': { payload: EventSettingsPatch, result: z.object({ event: EventInfo }), roles: moderators },
} as const satisfies Record<string, CommandSpec>;

export type Commands = typeof commands;
export type CommandName = keyof Commands;
export type CommandPayload<K extends CommandName> = z.input<Commands[K]['payload']>;
export type ParsedPayload<K extends CommandName> = z.output<Commands[K]['payload']>;
export type CommandResult<K extends CommandName> = z.output<Commands[K]['result']>;
export type CommandAck<K extends CommandName> = Ack<CommandResult<K>>;

export type ClientToServerEvents = {
  [K in CommandName]: (payload: CommandPayload<K>, ack: (res: CommandAck<K>) => void) => void;
};

// ---- server → client events ----
export const RevokedReason = z.enum(['link_rotated', 'event_deleted']);
export const serverEvents = {
  /** A numbered batch of changes for the receiver's audience (moderators or public). */
  'sync:delta': Delta,
  /** The receiving attendee's own question changed (also pending/rejected ones nobody else sees). */
  'qa:own': z.object({ question: Question }),
  /** The receiving attendee voted or unvoted in another tab. */
  'qa:myVote': VoteResult,
  /** Sent just before the server drops the connection for good; the client must not reconnect. */
  'session:revoked': z.object({ reason: RevokedReason }),
} as const;
export type ServerEventName = keyof typeof serverEvents;
export type ServerToClientEvents = {
  [K in ServerEventName]: (payload: z.output<(typeof serverEvents)[K]>) => void;
};

/** What the client passes as `auth` when it opens the socket. */
export const HandshakeAuth = z.object({
  protocol: z.number().int(),
  code: EventCode,
  /** A role link token or an attendee token. Organizers send none and are known by their session cookie. */
  token: z.string().min(16).max(200).optional(),
});
export type HandshakeAuth = z.infer<typeof HandshakeAuth>;

/** Messages of connect_error, so the client can tell why it was refused. */
export const HandshakeError = z.enum(['protocol_mismatch', 'unauthorized', 'not_found', 'invalid_payload']);
export type HandshakeError = z.infer<typeof HandshakeError>;
