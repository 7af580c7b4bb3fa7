/**
 * Breakout rounds on the wire: what facilitators command, what everyone sees of a round, and the
 * changes that keep them in sync. Engine shapes (plan request, report, constraints) live in engine.ts.
 */
import { z } from 'zod';
import { GroupConstraints, GroupPersonId, PlanReport } from './engine.js';

export const RoundId = z.string().min(1).max(64);
export const GroupIndex = z.number().int().nonnegative().max(9999);

/**
 * random: balanced shuffle. mix: avoid people meeting again (counts earlier rounds of the event).
 * spread: mix, and no group gets more than its fair share of one value of an attribute.
 * self: attendees pick a group themselves, up to its capacity.
 */
export const BreakoutMode = z.enum(['random', 'mix', 'spread', 'self']);
export type BreakoutMode = z.infer<typeof BreakoutMode>;

/** draft: planned, visible to staff only. running: groups meet, timer runs. closing: everyone is called back,
 * a short countdown runs. closed: over; results stay readable. */
export const RoundStatus = z.enum(['draft', 'running', 'closing', 'closed']);
export type RoundStatus = z.infer<typeof RoundStatus>;

export const GroupMember = z.object({ id: GroupPersonId, name: z.string().nullable() });
export type GroupMember = z.infer<typeof GroupMember>;

export const GroupView = z.object({
  index: GroupIndex,
  name: z.string(),
  topic: z.string(),
  /** Where the group meets (Jitsi, Zoom, BigBlueButton …); null when none was set. */
  videoUrl: z.string().nullable(),
  members: z.array(GroupMember),
  /** Self-select mode: the most members the group takes. null = no limit. */
  capacity: z.number().int().positive().nullable(),
  /** The group's shared result text; version increases by one with every accepted edit. */
  result: z.string(),
  resultVersion: z.number().int().nonnegative(),
});
export type GroupView = z.infer<typeof GroupView>;

export const BreakoutMessage = z.object({ id: z.string(), text: z.string(), at: z.string() });
export type BreakoutMessage = z.infer<typeof BreakoutMessage>;

export const RoundView = z.object({
  id: RoundId,
  /** 1-based position among the event's rounds, for people ("Runde 2"). */
  number: z.number().int().positive(),
  status: RoundStatus,
  mode: BreakoutMode,
  groups: z.array(GroupView),
  durationSec: z.number().int().positive(),
  startedAt: z.string().nullable(),
  /** When the discussion time ends (running); the client counts down against the server clock. */
  endsAt: z.string().nullable(),
  /** When everyone is back in the plenary (closing). */
  closingEndsAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  messages: z.array(BreakoutMessage),
  /** The stage shows every group's result of this round. */
  showResults: z.boolean(),
  /** Staff only: people the facilitator pinned to their group (reshuffle leaves them where they are). */
  locked: z.array(GroupPersonId).optional(),
  /** Staff only: the engine's report for this round (repeats, size spread, constraint violations). */
  report: PlanReport.optional(),
  /** Staff only, running and closing rounds: who first came after the start (attendee id → when); the people list marks them late. */
  late: z.record(GroupPersonId, z.string()).optional(),
});
export type RoundView = z.infer<typeof RoundView>;

export const HelpRequest = z.object({
  id: z.string(),
  roundId: RoundId,
  groupIndex: GroupIndex,
  groupName: z.string(),
  attendeeId: z.string(),
  name: z.string().nullable(),
  at: z.string(),
  resolvedAt: z.string().nullable(),
});
export type HelpRequest = z.infer<typeof HelpRequest>;

/**
 * The facilitator's plan form, kept on the server per event so a reload (or a second facilitator) finds
 * it as left: values as typed (the form checks them when planning), the keep-apart/together sets, and
 * whether absent roster entries are planned in.
 */
export const PlanSettings = z.object({
  shape: z.enum(['groups', 'size']),
  count: z.string().max(10),
  mode: BreakoutMode,
  spread: z.string().max(100),
  capacity: z.string().max(10),
  rounds: z.string().max(10),
  minutes: z.string().max(10),
  names: z.string().max(130_000),
  topics: z.string().max(420_000),
  videoTemplate: z.string().max(500),
  apart: z.array(z.array(GroupPersonId).max(2000)).max(500),
  together: z.array(z.array(GroupPersonId).max(2000)).max(500),
  includeAbsent: z.boolean(),
});
export type PlanSettings = z.infer<typeof PlanSettings>;

export const BreakoutsSnapshot = z.object({
  /** Staff: every round. Everyone else: rounds that are not drafts. */
  rounds: z.array(RoundView),
  /** Staff: every request. An attendee: the requests of the groups they are in (to see "help is coming" / done). */
  help: z.array(HelpRequest),
  /** Staff only: the plan form as last saved for this event (null: never saved); absent for others. */
  planSettings: PlanSettings.nullable().optional(),
});
export type BreakoutsSnapshot = z.infer<typeof BreakoutsSnapshot>;

// ---- changes inside sync:delta ----
export const BreakoutChanges = [
  z.object({ type: z.literal('breakouts:round'), round: RoundView }),
  z.object({ type: z.literal('breakouts:roundRemove'), id: RoundId }),
  /** A group's result text changed (sent alone, so typing does not resend the whole round). */
  z.object({
    type: z.literal('breakouts:result'),
    roundId: RoundId,
    index: GroupIndex,
    text: z.string(),
    version: z.number().int().nonnegative(),
  }),
  /** Staff only. */
  z.object({ type: z.literal('breakouts:help'), request: HelpRequest }),
  /** Staff only: the plan form was saved. */
  z.object({ type: z.literal('breakouts:planSettings'), settings: PlanSettings }),
] as const;

/**
 * Inside `sync:personal`: the attendee's complete list of help requests (those of the groups they are in
 * now), replacing the one they had — sent when a request of their group changes or they change groups.
 */
export const BreakoutPersonal = [z.object({ type: z.literal('breakouts:myHelp'), help: z.array(HelpRequest) })] as const;

// ---- commands ----
const Text = (max: number) => z.string().trim().max(max);

export const PlanCommand = z
  .object({
    /** How many rounds to plan up front (each becomes a draft). */
    rounds: z.number().int().min(1).max(20).default(1),
    groups: z.number().int().min(1).max(2000).optional(),
    size: z.number().int().min(1).max(2000).optional(),
    mode: BreakoutMode.default('mix'),
    /** Who takes part: attendee ids; default everyone online in the plenary (and see includeAbsent). */
    people: z.array(GroupPersonId).max(20000).optional(),
    /**
     * Without `people`: also plan roster entries who are not online yet (pre-assignment; they are marked
     * "not here yet" and find their group when they join). Default on.
     */
    includeAbsent: z.boolean().default(true),
    constraints: GroupConstraints.optional(),
    names: z.array(Text(60)).max(2000).optional(),
    topics: z.array(Text(200)).max(2000).optional(),
    /** With {event}, {round}, {group} placeholders, e.g. https://meet.jit.si/plenum-{event}-{round}-{group}. */
    videoTemplate: Text(500).optional(),
    durationSec: z.number().int().min(30).max(4 * 3600).default(900),
    /** Self-select: most members per group; default the fair share rounded up. */
    capacity: z.number().int().min(1).max(2000).optional(),
    seed: z.number().int().optional(),
  })
  .refine((v) => (v.groups === undefined) !== (v.size === undefined), {
    message: 'give either groups or size',
    path: ['groups'],
  });
export const PlanResultSchema = z.object({ rounds: z.array(RoundView) });

export const PlanSettingsCommand = z.object({ settings: PlanSettings });
export const PlanSettingsResult = z.object({ settings: PlanSettings });

export const RoundCommand = z.object({ roundId: RoundId });
export const ReshuffleCommand = z.object({ roundId: RoundId, seed: z.number().int().optional() });
export const MoveCommand = z.object({ roundId: RoundId, personId: GroupPersonId, toGroup: GroupIndex });
export const SwapCommand = z.object({ roundId: RoundId, a: GroupPersonId, b: GroupPersonId });
export const LockCommand = z.object({ roundId: RoundId, personId: GroupPersonId, locked: z.boolean() });
export const GroupEditCommand = z.object({
  roundId: RoundId,
  index: GroupIndex,
  name: Text(60).min(1).optional(),
  topic: Text(200).optional(),
  videoUrl: z.union([z.string().trim().url().max(500), z.literal(''), z.null()]).optional(),
  capacity: z.number().int().min(1).max(2000).nullable().optional(),
});
export const StartCommand = z.object({ roundId: RoundId, durationSec: z.number().int().min(30).max(4 * 3600).optional() });
export const ExtendCommand = z.object({ roundId: RoundId, seconds: z.number().int().min(-3600).max(3600) });
export const MessageCommand = z.object({ roundId: RoundId, text: Text(500).min(1) });
export const CloseCommand = z.object({ roundId: RoundId, countdownSec: z.number().int().min(0).max(600).default(30) });
export const ShowResultsCommand = z.object({ roundId: RoundId, show: z.boolean() });
export const ResolveHelpCommand = z.object({ id: z.string().min(1).max(64) });
export const HelpCommand = z.object({ roundId: RoundId });
export const ChooseGroupCommand = z.object({ roundId: RoundId, index: GroupIndex });
/**
 * An edit of the group result: the full new text and the version it was based on. When others edited
 * meanwhile, the server merges this change into the current text (three-way), so nobody's typing is lost.
 */
export const EditResultCommand = z.object({
  roundId: RoundId,
  index: GroupIndex,
  baseVersion: z.number().int().nonnegative(),
  text: z.string().max(10_000),
});
export const EditResultResult = z.object({ text: z.string(), version: z.number().int().nonnegative() });

export const RoundResult = z.object({ round: RoundView });

// ---- settings (EventSettings.breakouts) ----
export const BreakoutSettings = z.object({
  /** Countdown in seconds between "time is up" and everyone being back in the plenary. */
  closingSec: z.number().int().min(0).max(600).default(30),
});
export type BreakoutSettings = z.infer<typeof BreakoutSettings>;
export const BreakoutSettingsPatch = z.object({ closingSec: z.number().int().min(0).max(600).optional() });
