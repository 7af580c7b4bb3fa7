/**
 * A small client of the two YouTube Data API v3 calls the bridge makes, with fetch injected:
 *
 *   videos.list            GET {base}/videos?part=liveStreamingDetails&id=…&key=…            1 unit
 *   liveChatMessages.list  GET {base}/liveChat/messages?liveChatId=…&part=snippet,authorDetails
 *                              [&pageToken=…]&key=…                                           5 units
 *
 * Responses are parsed with the documented shapes (core/youtube.ts); each chat item on its own, so one
 * odd item is skipped rather than losing the page. Failures are thrown as YoutubeApiError carrying plain
 * data (ApiFailure) for the state machine. The API key is only ever put in the query string of the
 * request: it never appears in an error, a log line or a status.
 */
import {
  GoogleErrorBody,
  LiveChatMessage,
  LiveChatMessageListResponse,
  VideoListResponse,
  type ApiFailure,
  type MessagePage,
  type VideoLookup,
} from './core/youtube.js';

export const DEFAULT_YOUTUBE_API_BASE = 'https://www.googleapis.com/youtube/v3';

export interface YoutubeApiOptions {
  /** YOUTUBE_API_KEY; stays on the server. */
  apiKey: string;
  /** YOUTUBE_API_BASE; default https://www.googleapis.com/youtube/v3. */
  baseUrl?: string;
  fetch?: typeof fetch;
  /** Per request; default 15 s. */
  timeoutMs?: number;
  /** maxResults for chat pages (200–2000; Google's default 500). */
  maxResults?: number;
}

export interface YoutubeApi {
  lookupVideo(videoId: string): Promise<VideoLookup>;
  listMessages(liveChatId: string, pageToken: string | null): Promise<MessagePage>;
}

export class YoutubeApiError extends Error {
  constructor(public readonly failure: ApiFailure) {
    super(
      failure.kind === 'http'
        ? `YouTube API ${failure.status}${failure.reason ? ` ${failure.reason}` : ''}${failure.message ? `: ${failure.message}` : ''}`
        : `YouTube API ${failure.kind}: ${failure.message}`,
    );
    this.name = 'YoutubeApiError';
  }
}

/** Removes anything that looks like our key from text we pass on (Google sometimes echoes the URL). */
function scrub(text: string, apiKey: string): string {
  return apiKey ? text.split(apiKey).join('***') : text;
}

export function createYoutubeApi(options: YoutubeApiOptions): YoutubeApi {
  const base = (options.baseUrl ?? DEFAULT_YOUTUBE_API_BASE).replace(/\/+$/, '');
  const doFetch = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const key = options.apiKey;

  async function get(path: string, params: Record<string, string>): Promise<unknown> {
    const url = new URL(`${base}${path}`);
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
    url.searchParams.set('key', key);
    let res: Response;
    let text: string;
    try {
      res = await doFetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(timeoutMs) });
      text = await res.text();
    } catch (err) {
      const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
      throw new YoutubeApiError({ kind: 'network', message: scrub(message, key) });
    }
    let body: unknown = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      body = null;
    }
    if (!res.ok) {
      const parsed = GoogleErrorBody.safeParse(body);
      const first = parsed.success ? parsed.data.error.errors[0] : undefined;
      throw new YoutubeApiError({
        kind: 'http',
        status: res.status,
        reason: first?.reason ?? null,
        domain: first?.domain ?? null,
        message: scrub((parsed.success ? parsed.data.error.message : null) ?? first?.message ?? res.statusText ?? '', key) || null,
      });
    }
    if (body === null) throw new YoutubeApiError({ kind: 'badResponse', message: `${path}: not JSON` });
    return body;
  }

  return {
    async lookupVideo(videoId) {
      const body = await get('/videos', { part: 'liveStreamingDetails', id: videoId });
      const parsed = VideoListResponse.safeParse(body);
      if (!parsed.success) throw new YoutubeApiError({ kind: 'badResponse', message: '/videos: unexpected shape' });
      const video = parsed.data.items.find((v) => v.id === videoId) ?? parsed.data.items[0];
      if (!video) return { found: false, live: false, activeLiveChatId: null, ended: false, scheduledStartAt: null };
      const details = video.liveStreamingDetails;
      return {
        found: true,
        live: details !== undefined,
        activeLiveChatId: details?.activeLiveChatId ?? null,
        ended: details?.actualEndTime !== undefined,
        scheduledStartAt:
          details?.scheduledStartTime && !details.actualStartTime ? Date.parse(details.scheduledStartTime) || null : null,
      };
    },

    async listMessages(liveChatId, pageToken) {
      const params: Record<string, string> = { liveChatId, part: 'snippet,authorDetails' };
      if (pageToken) params.pageToken = pageToken;
      if (options.maxResults) params.maxResults = String(options.maxResults);
      const body = await get('/liveChat/messages', params);
      const parsed = LiveChatMessageListResponse.safeParse(body);
      if (!parsed.success) throw new YoutubeApiError({ kind: 'badResponse', message: '/liveChat/messages: unexpected shape' });
      const items: LiveChatMessage[] = [];
      let skipped = 0;
      for (const raw of parsed.data.items) {
        const item = LiveChatMessage.safeParse(raw);
        if (item.success) items.push(item.data);
        else skipped++;
      }
      return {
        items,
        skipped,
        nextPageToken: parsed.data.nextPageToken ?? null,
        pollingIntervalMillis: parsed.data.pollingIntervalMillis ?? null,
        offlineAt: parsed.data.offlineAt ?? null,
      };
    },
  };
}
