/**
 * The bridge's configuration from the environment (server only; the key never reaches a browser).
 *
 *   YOUTUBE_API_KEY          the installation's YouTube Data API v3 key; unset = the bridge never runs
 *   YOUTUBE_API_BASE         default https://www.googleapis.com/youtube/v3 (tests point it at a fake)
 *   YOUTUBE_MIN_POLL_MS      minimum time between two chat reads (default 6000; ≥ 1000)
 *   YOUTUBE_DAILY_QUOTA      the key's daily quota in units (default 10000)
 */
import { DEFAULT_BRIDGE_CONFIG, type BridgeConfig } from './core/machine.js';
import { DEFAULT_YOUTUBE_API_BASE } from './youtube-api.js';

export interface ChatEnvConfig {
  apiKey: string | null;
  apiBase: string;
  bridge: BridgeConfig;
}

function positiveInt(value: string | undefined, fallback: number, min: number): number {
  if (value === undefined || value.trim() === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new Error(`expected an integer ≥ ${min}, got "${value}"`);
  return n;
}

export function chatConfigFromEnv(env: NodeJS.ProcessEnv = process.env): ChatEnvConfig {
  const minPollIntervalMs = positiveInt(env.YOUTUBE_MIN_POLL_MS, DEFAULT_BRIDGE_CONFIG.minPollIntervalMs, 1000);
  return {
    apiKey: env.YOUTUBE_API_KEY?.trim() || null,
    apiBase: env.YOUTUBE_API_BASE?.trim() || DEFAULT_YOUTUBE_API_BASE,
    bridge: {
      ...DEFAULT_BRIDGE_CONFIG,
      minPollIntervalMs,
      defaultPollIntervalMs: Math.max(DEFAULT_BRIDGE_CONFIG.defaultPollIntervalMs, minPollIntervalMs),
      dailyQuota: positiveInt(env.YOUTUBE_DAILY_QUOTA, DEFAULT_BRIDGE_CONFIG.dailyQuota, 1),
    },
  };
}
