/** The chat feature's shared entry (YouTube live chat bridge). */
export * from './schemas.js';
// The URL parser lives with the event (shared/events): the attendee page embeds the broadcast with it.
export * from '../events/youtube-url.js';

import { defineFeature } from '../kernel/contract.js';
import { ChatSnapshot, chatChanges, chatCommands, YoutubeSettings, YoutubeSettingsPatch } from './schemas.js';

/**
 * The issue names the settings `settings.youtube` (not `settings.chat`, as the kernel contract would by
 * feature name): register the settings under this key.
 */
export const CHAT_SETTINGS_KEY = 'youtube' as const;

/** Everything the shared feature table needs (shape of SharedFeature in docs/kernel-contract.md). */
export const chatFeatureParts = {
  commands: chatCommands,
  changes: chatChanges,
  personal: [] as const,
  snapshot: ChatSnapshot,
  errorCodes: [] as const,
  settings: { schema: YoutubeSettings, patch: YoutubeSettingsPatch },
};

/** The chat feature for shared/features.ts: settings live under EventSettings.youtube (the name). */
export const chatFeature = defineFeature({
  commands: chatCommands,
  changes: chatChanges,
  personal: [],
  snapshot: ChatSnapshot,
  errorCodes: {},
  settings: {
    key: CHAT_SETTINGS_KEY,
    schema: YoutubeSettings.default(YoutubeSettings.parse({})),
    patch: YoutubeSettingsPatch,
    merge: 'object',
  },
});
