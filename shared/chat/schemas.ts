/**
 * The YouTube live chat bridge on the wire (issue 10 §1): the per-event settings, what moderators see of
 * the bridge (status in words, the chat side feed) and the commands they send. Schemas only — the
 * integrator adds them to the feature table (shared/features.ts) after the kernel refactor.
 *
 * Audiences: everything here except the settings is staff-only (organizer, moderator). Attendees and the
 * stage see imported questions only, through the Q&A feature.
 */
import { z } from 'zod';
import { parseYoutubeVideo, type YoutubeUrlError } from '../events/youtube-url.js';

// ---- settings (EventSettings.youtube) ----

/**
 * Which chat messages become questions in the review queue.
 * off: the bridge does not run at all — no request to Google (the default).
 * question-mark: messages that contain "?" (or the full-width "？").
 * prefix: messages that start with one of `prefixes` ("Frage:", "Q:" …), case-insensitive; the prefix is
 *   removed from the question text.
 * all: every chat message with some text.
 */
export const ChatImportRule = z.enum(['off', 'question-mark', 'prefix', 'all']);
export type ChatImportRule = z.infer<typeof ChatImportRule>;

export const ChatPrefix = z.string().trim().min(1).max(20);
export const DEFAULT_CHAT_PREFIXES: readonly string[] = ['Frage:', 'Q:', 'F:'];

/** Checks a URL or id with the same parser the server uses; the issue message is the reason code. */
export const YoutubeUrl = z
  .string()
  .trim()
  .max(500)
  .superRefine((value, ctx) => {
    const parsed = parseYoutubeVideo(value);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.reason, params: { reason: parsed.reason } });
  });

/** The settings field: like YoutubeUrl, but an empty or blank string (a cleared form field) means null. */
export const YoutubeUrlSetting = z
  .string()
  .trim()
  .max(500)
  .nullable()
  .transform((value, ctx) => {
    if (value === null || value === '') return null;
    const parsed = parseYoutubeVideo(value);
    if (parsed.ok) return value;
    ctx.addIssue({ code: 'custom', message: parsed.reason, params: { reason: parsed.reason } });
    return z.NEVER;
  });

export const YoutubeSettings = z.object({
  /** The broadcast's URL (any usual form) or its video id; null = no broadcast linked. */
  url: YoutubeUrlSetting.default(null),
  chatImport: ChatImportRule.default('off'),
  /** For chatImport = prefix; also removed from the text under the other rules when a message starts with one. */
  prefixes: z.array(ChatPrefix).max(10).default([...DEFAULT_CHAT_PREFIXES]),
});
export type YoutubeSettings = z.infer<typeof YoutubeSettings>;

/** Spelled out without defaults (see QaSettingsPatch): fields not named keep their value. */
export const YoutubeSettingsPatch = z.object({
  url: YoutubeUrlSetting.optional(),
  chatImport: ChatImportRule.optional(),
  prefixes: z.array(ChatPrefix).max(10).optional(),
});
export type YoutubeSettingsPatch = z.infer<typeof YoutubeSettingsPatch>;

/** The video id of the settings, or null when none (or an unparsable one slipped into old data). */
export function settingsVideoId(settings: Pick<YoutubeSettings, 'url'>): string | null {
  if (!settings.url) return null;
  const parsed = parseYoutubeVideo(settings.url);
  return parsed.ok ? parsed.videoId : null;
}

// ---- the bridge's status, as moderators see it ----

/**
 * off: not configured (no URL, import off, or no API key on the server) — no requests.
 * resolving: looking up the broadcast's live chat (videos.list).
 * connected: reading the chat; `nextPollAt` is the next read.
 * waiting: the broadcast is not live yet (no active chat); checked again every minute or so.
 * backoff: a temporary problem (quota, rate limit, network, YouTube error); retried at `retryAt` by itself.
 * ended: the broadcast's chat has ended; the bridge stopped cleanly.
 * error: a problem that needs a person (wrong key, chat disabled, video not found …); see lastError.advice.
 */
export const BridgeState = z.enum(['off', 'resolving', 'connected', 'waiting', 'backoff', 'ended', 'error']);
export type BridgeState = z.infer<typeof BridgeState>;

/** Why the bridge is off (state = off). */
export const BridgeOffReason = z.enum(['no_url', 'import_off', 'no_api_key', 'stopped']);
export type BridgeOffReason = z.infer<typeof BridgeOffReason>;

/**
 * Error reasons. The YouTube ones keep Google's `error.errors[].reason` spelling; the others are ours.
 * Each has `chat.error.<reason>` (what happened) and `chat.advice.<reason>` (what to do) in the catalogues.
 */
export const BridgeErrorReason = z.enum([
  'quotaExceeded', // the installation's daily quota is used up (resets at midnight Pacific time)
  'rateLimitExceeded', // too many requests too fast (403 or 429)
  'forbidden', // YouTube refuses to show this chat to our key
  'liveChatDisabled', // the broadcast has no chat
  'liveChatNotFound', // the chat id no longer exists
  'videoNotFound', // no (public / unlisted) video with this id
  'notLiveVideo', // a normal video, not a live broadcast
  'keyInvalid', // the API key is wrong, restricted, or the API is not enabled for its project
  'network', // no answer from YouTube (DNS, connection, timeout)
  'serverError', // YouTube answered 5xx
  'badResponse', // an answer we could not read
  'storage', // our own database refused to store a page; nothing was lost, the page is read again
  'unknown', // another error; the message has Google's words
]);
export type BridgeErrorReason = z.infer<typeof BridgeErrorReason>;

export const BridgeError = z.object({
  reason: BridgeErrorReason,
  /** i18n key: `chat.error.<reason>` */
  messageKey: z.string(),
  /** i18n key: `chat.advice.<reason>` */
  adviceKey: z.string(),
  /** HTTP status, when YouTube answered. */
  httpStatus: z.number().int().nullable(),
  /** Google's own message (English), for the curious and for support; never contains the API key. */
  detail: z.string().max(500).nullable(),
  at: z.string(),
});
export type BridgeError = z.infer<typeof BridgeError>;

export const QuotaEstimate = z.object({
  /** Length of the broadcast the estimate is for (default 3 h). */
  hours: z.number().positive(),
  /** Time between two reads the estimate assumes (the effective polling interval). */
  intervalMs: z.number().int().positive(),
  /** Units a broadcast of `hours` costs at that interval (chat reads + the chat lookup). */
  units: z.number().int().nonnegative(),
  /** The installation's daily quota (default 10,000). */
  dailyLimit: z.number().int().positive(),
  /** units ≤ dailyLimit − quota already used today. */
  fits: z.boolean(),
});
export type QuotaEstimate = z.infer<typeof QuotaEstimate>;

export const BridgeStatus = z.object({
  state: BridgeState,
  offReason: BridgeOffReason.nullable(),
  videoId: z.string().nullable(),
  /** When the bridge last read the chat successfully. */
  lastReadAt: z.string().nullable(),
  /** Next read (connected/waiting) or next attempt (backoff). */
  nextPollAt: z.string().nullable(),
  /** Chat messages read (text and Super Chat) since the bridge was set up for this event. */
  read: z.number().int().nonnegative(),
  /** … of which became questions (automatically or by a moderator's click). */
  imported: z.number().int().nonnegative(),
  /** Units used today by the whole installation (one API key), reset at midnight Pacific time. */
  quotaUsedToday: z.number().int().nonnegative(),
  /** Units this bridge used today. */
  quotaUsedByEvent: z.number().int().nonnegative(),
  quotaResetAt: z.string(),
  quotaEstimateForHours: QuotaEstimate,
  lastError: BridgeError.nullable(),
});
export type BridgeStatus = z.infer<typeof BridgeStatus>;

// ---- the chat side feed ----

export const ChatMessageId = z.string().min(1).max(200);

export const ChatFeedMessage = z.object({
  id: ChatMessageId,
  source: z.literal('youtube'),
  kind: z.enum(['text', 'superChat']),
  /** The author's YouTube display name. */
  author: z.string(),
  authorChannelId: z.string(),
  /** The message text (for a Super Chat: the user comment, possibly empty). */
  text: z.string(),
  /** Super Chat amount as YouTube displays it ("€5.00"); null for text messages. */
  amount: z.string().nullable(),
  /** publishedAt from YouTube (ISO 8601). */
  at: z.string(),
  /** The question made of it (automatically or by a moderator), null when none. */
  questionId: z.string().nullable(),
  /** Whether the import rule selected it (moderators see why it is, or is not, a question). */
  matched: z.boolean(),
  /** Deleted in YouTube (by its author or a YouTube moderator); its question was withdrawn. */
  deleted: z.boolean(),
  /** Its author was banned (or timed out) in the YouTube chat after writing it. */
  banned: z.boolean(),
});
export type ChatFeedMessage = z.infer<typeof ChatFeedMessage>;

export { CHAT_FEED_LIMIT } from './limits.js';

export const ChatSnapshot = z.object({
  /** null for audiences that do not see the bridge (attendees, stage). */
  status: BridgeStatus.nullable(),
  /** Newest last; at most CHAT_FEED_LIMIT; [] for the public. */
  feed: z.array(ChatFeedMessage),
});
export type ChatSnapshot = z.infer<typeof ChatSnapshot>;

// ---- changes (sync:delta members; staff only, the public gets nothing) ----

export const ChatStatusChange = z.object({ type: z.literal('chat:status'), status: BridgeStatus });
/** Upsert by id, in order; also sent when a message is imported, deleted or its author banned. */
export const ChatFeedChange = z.object({ type: z.literal('chat:feed'), messages: z.array(ChatFeedMessage) });
export const chatChanges = [ChatStatusChange, ChatFeedChange] as const;

// ---- commands (client → server), organizer and moderator ----

/** chat:import — one click turns a feed message into a question in the review queue. */
export const ChatImportCommand = z.object({
  messageId: ChatMessageId,
  /** The moderator's corrected text; default: the message text (prefix removed). */
  text: z.string().trim().min(1).max(2000).optional(),
});
/** Result: the question's id; `already` when it had been imported before (nothing new created). */
export const ChatImportResult = z.object({ questionId: z.string(), already: z.boolean() });

/** chat:retry — try again now (after fixing the key, raising the quota, or when the broadcast started). */
export const ChatRetryCommand = z.object({}).strict();
export const ChatStatusResult = z.object({ status: BridgeStatus });

export const CHAT_COMMAND_ROLES = ['organizer', 'moderator'] as const;

/** For the feature table: `chat:import` and `chat:retry`. Settings travel in `event:settings` (youtube). */
export const chatCommands = {
  'chat:import': { payload: ChatImportCommand, result: ChatImportResult, roles: CHAT_COMMAND_ROLES },
  'chat:retry': { payload: ChatRetryCommand, result: ChatStatusResult, roles: CHAT_COMMAND_ROLES },
} as const;

export type { YoutubeUrlError };
