import { describe, expect, it } from 'vitest';
import { ChatImportCommand, chatCommands } from '../../shared/chat/schemas.js';
import { chatConfigFromEnv } from './config.js';
import { DEFAULT_YOUTUBE_API_BASE } from './youtube-api.js';

describe('chatConfigFromEnv', () => {
  it('no key: the bridge is disabled; the base defaults to Google', () => {
    const c = chatConfigFromEnv({});
    expect(c.apiKey).toBeNull();
    expect(c.apiBase).toBe(DEFAULT_YOUTUBE_API_BASE);
    expect(c.bridge.minPollIntervalMs).toBe(6_000);
    expect(c.bridge.dailyQuota).toBe(10_000);
    expect(chatConfigFromEnv({ YOUTUBE_API_KEY: '   ' }).apiKey).toBeNull();
  });

  it('reads key, base, minimum interval and daily quota', () => {
    const c = chatConfigFromEnv({
      YOUTUBE_API_KEY: ' AIza-test ',
      YOUTUBE_API_BASE: 'http://127.0.0.1:9999/youtube/v3',
      YOUTUBE_MIN_POLL_MS: '10000',
      YOUTUBE_DAILY_QUOTA: '50000',
    });
    expect(c).toMatchObject({ apiKey: 'AIza-test', apiBase: 'http://127.0.0.1:9999/youtube/v3' });
    expect(c.bridge).toMatchObject({ minPollIntervalMs: 10_000, defaultPollIntervalMs: 10_000, dailyQuota: 50_000 });
  });

  it('refuses nonsense numbers (at startup, not during a broadcast)', () => {
    expect(() => chatConfigFromEnv({ YOUTUBE_MIN_POLL_MS: '200' })).toThrow();
    expect(() => chatConfigFromEnv({ YOUTUBE_DAILY_QUOTA: 'lots' })).toThrow();
  });
});

describe('chat commands', () => {
  it('chat:import takes a message id and an optional corrected text', () => {
    expect(ChatImportCommand.parse({ messageId: 'LCC.1', text: '  Wie?  ' })).toEqual({ messageId: 'LCC.1', text: 'Wie?' });
    expect(ChatImportCommand.safeParse({ messageId: '' }).success).toBe(false);
    expect(ChatImportCommand.safeParse({ messageId: 'x', text: '   ' }).success).toBe(false);
    expect(chatCommands['chat:retry'].roles).toEqual(['organizer', 'moderator']);
  });
});
