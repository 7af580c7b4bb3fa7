/**
 * The broadcast the organizer points Plenum at: a YouTube URL in any of its usual forms, or the bare
 * eleven-character video id. Pure; runs in the browser (settings form, the attendee page's embed) and on the
 * server (bridge). Here in shared/events, free of zod, because the attendee page needs it (docs/performance.md).
 *
 * Accepted:
 *   dQw4w9WgXcQ                                   bare id
 *   https://www.youtube.com/watch?v=ID[&t=…]      also without scheme, m./music. hosts, http
 *   https://youtu.be/ID[?si=…]
 *   https://www.youtube.com/live/ID[?feature=share]
 *   https://www.youtube.com/embed/ID, youtube-nocookie.com/embed/ID, /v/ID, /e/ID
 *   https://www.youtube.com/shorts/ID
 * Refused with a reason the settings form translates (chat.url.<reason>).
 */

export const VIDEO_ID = /^[A-Za-z0-9_-]{11}$/;

export type YoutubeUrlError =
  | 'empty' // nothing given
  | 'not_youtube' // a URL of another site, or text that is neither a URL nor an id
  | 'channel' // a channel or handle page (…/@name, /channel/…, /c/…, /user/…): the broadcast's own URL is needed
  | 'playlist' // a playlist without a video
  | 'no_video_id' // a YouTube URL without a video in it (home page, search, …)
  | 'invalid_id'; // a video slot whose value is not an eleven-character id

export type YoutubeUrlResult = { ok: true; videoId: string } | { ok: false; reason: YoutubeUrlError };

const HOSTS = new Set([
  'youtube.com',
  'www.youtube.com',
  'm.youtube.com',
  'music.youtube.com',
  'youtube-nocookie.com',
  'www.youtube-nocookie.com',
]);
const SHORT_HOSTS = new Set(['youtu.be', 'www.youtu.be']);
/** Path prefixes followed by the video id. */
const ID_PATHS = new Set(['live', 'embed', 'shorts', 'v', 'e']);
const CHANNEL_PATHS = new Set(['channel', 'c', 'user']);

function checkId(candidate: string | null | undefined): YoutubeUrlResult {
  if (!candidate) return { ok: false, reason: 'no_video_id' };
  return VIDEO_ID.test(candidate) ? { ok: true, videoId: candidate } : { ok: false, reason: 'invalid_id' };
}

export function parseYoutubeVideo(input: string | null | undefined): YoutubeUrlResult {
  const raw = (input ?? '').trim();
  if (!raw) return { ok: false, reason: 'empty' };
  if (VIDEO_ID.test(raw)) return { ok: true, videoId: raw };

  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { ok: false, reason: 'not_youtube' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, reason: 'not_youtube' };
  const host = url.hostname.toLowerCase();
  const segments = url.pathname.split('/').filter(Boolean);

  if (SHORT_HOSTS.has(host)) return checkId(segments[0]);
  if (!HOSTS.has(host)) return { ok: false, reason: 'not_youtube' };

  const first = segments[0] ?? '';
  if (first === 'watch') return checkId(url.searchParams.get('v'));
  if (ID_PATHS.has(first)) return checkId(segments[1]);
  // Old share links: youtube.com/?v=ID or /attribution_link?u=/watch?v=ID
  const v = url.searchParams.get('v');
  if (v) return checkId(v);
  if (first.startsWith('@') || CHANNEL_PATHS.has(first)) return { ok: false, reason: 'channel' };
  if (first === 'playlist' || url.searchParams.has('list')) return { ok: false, reason: 'playlist' };
  return { ok: false, reason: 'no_video_id' };
}
