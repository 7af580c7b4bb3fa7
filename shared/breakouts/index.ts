/** The breakout groups feature on the wire: rounds, groups, results, help requests. */
import { z } from 'zod';
import { defineFeature } from '../kernel/contract.js';
import { attendees, facilitators } from '../kernel/roles.js';
import {
  BreakoutChanges, BreakoutPersonal, BreakoutSettings, BreakoutSettingsPatch, BreakoutsSnapshot, ChooseGroupCommand, CloseCommand, EditResultCommand,
  EditResultResult, ExtendCommand, GroupEditCommand, HelpCommand, HelpRequest, LockCommand, MessageCommand, MoveCommand, PlanCommand,
  PlanResultSchema, PlanSettingsCommand, PlanSettingsResult, ReshuffleCommand, ResolveHelpCommand, RoundCommand, RoundResult, ShowResultsCommand, StartCommand, SwapCommand,
} from './schemas.js';

export * from './schemas.js';

const Empty = z.object({});
/** Who may edit a group's result text: its members (checked by the handler) and the facilitators. */
const resultEditors = ['organizer', 'facilitator', 'attendee'] as const;

export const breakoutsFeature = defineFeature({
  commands: {
    /** Plan one or more draft rounds with the assignment engine (replaces existing drafts). */
    'breakouts:plan': { payload: PlanCommand, result: PlanResultSchema, roles: facilitators },
    /** Save the plan form for this event (a reload finds it as left). */
    'breakouts:planSettings': { payload: PlanSettingsCommand, result: PlanSettingsResult, roles: facilitators },
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
  },
  changes: BreakoutChanges,
  personal: BreakoutPersonal,
  snapshot: BreakoutsSnapshot,
  /** Planning is impossible with these settings; params.reason is the engine's PlanErrorCode. */
  errorCodes: { plan_failed: 422 },
  settings: {
    key: 'breakouts',
    schema: BreakoutSettings.default(BreakoutSettings.parse({})),
    patch: BreakoutSettingsPatch,
    merge: 'object',
  },
});
