/**
 * The YouTube Data API v3 shapes the bridge reads, as documented (liveChatMessages.list, videos.list,
 * the common error body). Pure zod schemas; unknown fields are allowed (Google adds fields), every field
 * we do not strictly need is optional, so one odd message never breaks a page.
 */
import { z } from 'zod';

export const LiveChatAuthorDetails = z.looseObject({
  channelId: z.string(),
  channelUrl: z.string().optional(),
  displayName: z.string().optional(),
  profileImageUrl: z.string().optional(),
  isVerified: z.boolean().optional(),
  isChatOwner: z.boolean().optional(),
  isChatSponsor: z.boolean().optional(),
  isChatModerator: z.boolean().optional(),
});

export const LiveChatMessageSnippet = z.looseObject({
  /** textMessageEvent, superChatEvent, superStickerEvent, messageDeletedEvent, userBannedEvent,
   * newSponsorEvent, memberMilestoneChatEvent, membershipGiftingEvent, giftMembershipReceivedEvent,
   * chatEndedEvent, sponsorOnlyModeStartedEvent, sponsorOnlyModeEndedEvent, tombstone, pollEvent … */
  type: z.string(),
  liveChatId: z.string().optional(),
  authorChannelId: z.string().optional(),
  publishedAt: z.string().optional(),
  hasDisplayContent: z.boolean().optional(),
  displayMessage: z.string().optional(),
  textMessageDetails: z.looseObject({ messageText: z.string().optional() }).optional(),
  superChatDetails: z
    .looseObject({
      amountMicros: z.union([z.string(), z.number()]).optional(),
      currency: z.string().optional(),
      amountDisplayString: z.string().optional(),
      userComment: z.string().optional(),
      tier: z.number().optional(),
    })
    .optional(),
  messageDeletedDetails: z.looseObject({ deletedMessageId: z.string() }).optional(),
  userBannedDetails: z
    .looseObject({
      bannedUserDetails: z.looseObject({
        channelId: z.string(),
        channelUrl: z.string().optional(),
        displayName: z.string().optional(),
        profileImageUrl: z.string().optional(),
      }),
      banType: z.string().optional(),
      banDurationSeconds: z.union([z.string(), z.number()]).optional(),
    })
    .optional(),
});

export const LiveChatMessage = z.looseObject({
  kind: z.literal('youtube#liveChatMessage').optional(),
  etag: z.string().optional(),
  id: z.string().min(1),
  snippet: LiveChatMessageSnippet,
  authorDetails: LiveChatAuthorDetails.optional(),
});
export type LiveChatMessage = z.infer<typeof LiveChatMessage>;

/** The list response; `items` stays unknown[] here so each item is parsed on its own (see youtube-api.ts). */
export const LiveChatMessageListResponse = z.looseObject({
  kind: z.literal('youtube#liveChatMessageListResponse').optional(),
  etag: z.string().optional(),
  nextPageToken: z.string().optional(),
  pollingIntervalMillis: z.number().int().nonnegative().optional(),
  /** Present only once the stream went offline. */
  offlineAt: z.string().optional(),
  pageInfo: z.looseObject({ totalResults: z.number().optional(), resultsPerPage: z.number().optional() }).optional(),
  items: z.array(z.unknown()).default([]),
});

export const VideoListResponse = z.looseObject({
  kind: z.literal('youtube#videoListResponse').optional(),
  items: z
    .array(
      z.looseObject({
        kind: z.literal('youtube#video').optional(),
        id: z.string(),
        liveStreamingDetails: z
          .looseObject({
            actualStartTime: z.string().optional(),
            actualEndTime: z.string().optional(),
            scheduledStartTime: z.string().optional(),
            scheduledEndTime: z.string().optional(),
            concurrentViewers: z.string().optional(),
            /** Only while the broadcast is live (or about to be) and has a chat. */
            activeLiveChatId: z.string().optional(),
          })
          .optional(),
      }),
    )
    .default([]),
});

/** Google's error body: { error: { code, message, errors: [{ domain, reason, message }], status? } }. */
export const GoogleErrorBody = z.looseObject({
  error: z.looseObject({
    code: z.number().int().optional(),
    message: z.string().optional(),
    status: z.string().optional(),
    errors: z
      .array(z.looseObject({ domain: z.string().optional(), reason: z.string().optional(), message: z.string().optional() }))
      .default([]),
  }),
});

/** What the bridge learns from videos.list. */
export interface VideoLookup {
  /** false when the API returned no item (deleted, private, or a wrong id). */
  found: boolean;
  /** The video has liveStreamingDetails (it is, was or will be a live broadcast). */
  live: boolean;
  activeLiveChatId: string | null;
  /** actualEndTime is set: the broadcast is over. */
  ended: boolean;
  /** scheduledStartTime (epoch ms) of a broadcast that has not started yet; null when unknown or started. */
  scheduledStartAt?: number | null;
}

/** One parsed page of liveChatMessages.list. */
export interface MessagePage {
  items: LiveChatMessage[];
  /** Items that did not match the documented shape and were skipped. */
  skipped: number;
  nextPageToken: string | null;
  pollingIntervalMillis: number | null;
  offlineAt: string | null;
}

/** A failed call, as plain data (the state machine classifies it). */
export type ApiFailure =
  | { kind: 'http'; status: number; reason: string | null; domain: string | null; message: string | null }
  | { kind: 'network'; message: string }
  | { kind: 'badResponse'; message: string };
