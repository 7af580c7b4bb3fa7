/**
 * The stage on the wire: what is "on air" on each screen (the presenter screen in the room and the stream
 * overlay), a queue of next items, and the stage's event settings (theme, speaker rights, meeting link).
 * The server owns this state; the stage, overlay and speaker pages only render it.
 */
import { z } from 'zod';
import { RoundId } from '../breakouts/index.js';
import { PollId } from '../polls/index.js';
import { QuestionId } from '../qa/index.js';

/** room: the presenter screen (/e/CODE/stage); overlay: the transparent stream overlay (/e/CODE/overlay). */
export const Screen = z.enum(['room', 'overlay']);
export type Screen = z.infer<typeof Screen>;

/** Where a command puts (or takes off) an item. */
export const ScreenTarget = z.enum(['room', 'overlay', 'both']);
export type ScreenTarget = z.infer<typeof ScreenTarget>;

/**
 * What a screen can show. A question (text, author, votes); a poll's results (bars, word cloud, ranking);
 * a quiz's leaderboard; a breakout round (countdown while it runs, group results after it); how to join.
 */
export const OnAirItem = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('question'), questionId: QuestionId }).strict(),
  z.object({ kind: z.literal('poll'), pollId: PollId }).strict(),
  z.object({ kind: z.literal('leaderboard'), pollId: PollId }).strict(),
  z.object({ kind: z.literal('round'), roundId: RoundId }).strict(),
  z.object({ kind: z.literal('join') }).strict(),
]);
export type OnAirItem = z.infer<typeof OnAirItem>;
export type OnAirKind = OnAirItem['kind'];

/** Seconds after which the overlay hides an item by itself (null: until it is taken off air). */
export const AutoHideSeconds = z.number().int().min(3).max(3600).nullable();

export const ScreenState = z.object({
  item: OnAirItem.nullable(),
  /** ISO time (server clock) when the item went on air; with autoHideS the overlay knows when to hide it. */
  since: z.string().nullable(),
  /** Overlay only; always null for the room screen. */
  autoHideS: AutoHideSeconds,
  /** Who put it on air last (moderator, facilitator, organizer, or `follow` when it followed a highlight). */
  by: z.enum(['organizer', 'moderator', 'facilitator', 'follow']).nullable(),
});
export type ScreenState = z.infer<typeof ScreenState>;

export const QUEUE_MAX = 50;
export const QueueEntryId = z.string().min(1).max(64);
export const QueueEntry = z.object({ id: QueueEntryId, item: OnAirItem });
export type QueueEntry = z.infer<typeof QueueEntry>;

// ---- commands ----

export const ShowCommand = z
  .object({
    screen: ScreenTarget,
    item: OnAirItem,
    /** Overlay: hide after this many seconds; omitted: the event's default (settings.stage.overlayAutoHideS). */
    autoHideS: AutoHideSeconds.optional(),
  })
  .strict();
export const ClearCommand = z.object({ screen: ScreenTarget }).strict();
export const EnqueueCommand = z.object({ item: OnAirItem }).strict();
export const DequeueCommand = z.object({ id: QueueEntryId }).strict();
export const ReorderQueueCommand = z.object({ ids: z.array(QueueEntryId).max(QUEUE_MAX) }).strict();
/** Puts the first queued item on air on `screen` and removes it from the queue. */
export const NextCommand = z.object({ screen: ScreenTarget, autoHideS: AutoHideSeconds.optional() }).strict();
/** The speaker marks the current question as answered (only when settings.stage.speakerMayAnswer). */
export const SpeakerDoneCommand = z.object({ questionId: QuestionId }).strict();

export const ScreensResult = z.object({ room: ScreenState, overlay: ScreenState });
export const QueueResult = z.object({ queue: z.array(QueueEntry) });
export const NextResult = z.object({ room: ScreenState, overlay: ScreenState, queue: z.array(QueueEntry) });

// ---- snapshot part and changes ----

export const StageSnapshot = z.object({
  room: ScreenState,
  overlay: ScreenState,
  /** Staff only (attendees, stage and speaker get []). */
  queue: z.array(QueueEntry),
});
export type StageSnapshot = z.infer<typeof StageSnapshot>;

/** `stage:screen` to staff and to the stage room (stage, overlay and speaker pages); `stage:queue` to staff only; attendees get neither. */
export const StageChanges = [
  z.object({ type: z.literal('stage:screen'), screen: Screen, state: ScreenState }),
  z.object({ type: z.literal('stage:queue'), queue: z.array(QueueEntry) }),
] as const;

export const STAGE_ERROR_STATUS = {
  /** The question, poll, quiz or round named by the item does not exist in this event or may not be shown. */
  stage_item_not_found: 404,
  /**
   * The item exists but may not be shown: a pending, rejected, withdrawn or merged question, a draft poll or
   * round, a leaderboard of a poll that is not a quiz; for stage:speakerDone a question that is neither on
   * air, highlighted nor in the speakers' queue. (A facilitator naming a question or poll gets `forbidden`.)
   */
  stage_item_invalid: 409,
  stage_queue_empty: 409,
  stage_queue_full: 409,
  /** The event does not let speakers mark questions as answered. */
  speaker_answer_disabled: 403,
} as const;

// ---- settings (EventSettings.stage) ----

const Colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour like #1a2b3c');
/** An https address of an image, or a root-relative path served by this server. */
const LogoUrl = z
  .string()
  .trim()
  .max(2048)
  .refine((s) => /^https:\/\/[^\s]+$/i.test(s) || /^\/[^\s/][^\s]*$/.test(s), 'an https:// address or a path starting with /');
/** A video-meeting join link (Zoom, Jitsi, BigBlueButton, …) for talk and solution events. */
const MeetingUrl = z.string().trim().max(2048).refine((s) => /^https:\/\/[^\s]+$/i.test(s), 'an https:// address');

export const StageTheme = z.object({
  /** null: Plenum's own colours. */
  background: Colour.nullable().default(null),
  text: Colour.nullable().default(null),
  accent: Colour.nullable().default(null),
  logoUrl: LogoUrl.nullable().default(null),
});
export type StageTheme = z.infer<typeof StageTheme>;

export const StageSettings = z.object({
  theme: StageTheme.default(StageTheme.parse({})),
  /** A highlighted question / presented poll / round shown on stage goes on air on these screens by itself. */
  follow: z.object({ room: z.boolean().default(true), overlay: z.boolean().default(true) }).default({ room: true, overlay: true }),
  /** The overlay's auto-hide when a command names none (null: stays until taken off air). */
  overlayAutoHideS: AutoHideSeconds.default(null),
  /** Speakers may mark the current question as answered from the speaker view. */
  speakerMayAnswer: z.boolean().default(false),
  /** talk and solution events: the join button for the video meeting (null: none). */
  meetingUrl: MeetingUrl.nullable().default(null),
});
export type StageSettings = z.infer<typeof StageSettings>;

/**
 * Spelled out without defaults (see QaSettingsPatch): fields not named keep their value. `theme` and
 * `follow` are replaced as a whole (the settings merge is one level deep); their fields not named get
 * their defaults.
 */
export const StageSettingsPatch = z
  .object({
    theme: StageTheme.optional(),
    follow: z.object({ room: z.boolean().default(true), overlay: z.boolean().default(true) }).optional(),
    overlayAutoHideS: AutoHideSeconds.optional(),
    speakerMayAnswer: z.boolean().optional(),
    meetingUrl: MeetingUrl.nullable().optional(),
  })
  .strict();
export type StageSettingsPatch = z.infer<typeof StageSettingsPatch>;
