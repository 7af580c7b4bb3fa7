import { describe, expect, it } from 'vitest';
import { settingsVideoId, YoutubeSettings, YoutubeSettingsPatch } from './schemas.js';
import { parseYoutubeVideo } from '../events/youtube-url.js';

const ID = 'dQw4w9WgXcQ';

describe('parseYoutubeVideo', () => {
  it.each([
    [ID],
    [`  ${ID}  `],
    [`https://www.youtube.com/watch?v=${ID}`],
    [`https://www.youtube.com/watch?feature=share&v=${ID}&t=42s`],
    [`http://youtube.com/watch?v=${ID}`],
    [`youtube.com/watch?v=${ID}`],
    [`www.youtube.com/watch?v=${ID}&list=PL123`],
    [`https://m.youtube.com/watch?v=${ID}`],
    [`https://music.youtube.com/watch?v=${ID}`],
    [`https://youtu.be/${ID}`],
    [`https://youtu.be/${ID}?si=abcDEF&t=10`],
    [`youtu.be/${ID}`],
    [`https://www.youtube.com/live/${ID}?feature=shared`],
    [`https://youtube.com/live/${ID}`],
    [`https://www.youtube.com/embed/${ID}?autoplay=1`],
    [`https://www.youtube-nocookie.com/embed/${ID}`],
    [`https://www.youtube.com/shorts/${ID}`],
    [`https://www.youtube.com/v/${ID}`],
    [`HTTPS://WWW.YOUTUBE.COM/watch?v=${ID}`],
  ])('accepts %s', (input) => {
    expect(parseYoutubeVideo(input)).toEqual({ ok: true, videoId: ID });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    [null, 'empty'],
    ['https://vimeo.com/123456', 'not_youtube'],
    [`https://evil.example/watch?v=${ID}`, 'not_youtube'],
    [`https://youtube.com.evil.example/watch?v=${ID}`, 'not_youtube'],
    ['not a url at all', 'not_youtube'],
    [`ftp://youtube.com/watch?v=${ID}`, 'not_youtube'],
    ['https://www.youtube.com/@plenum', 'channel'],
    ['https://www.youtube.com/@plenum/live', 'channel'],
    ['https://www.youtube.com/channel/UCabcdefghijklmnopqrstuv', 'channel'],
    ['https://www.youtube.com/c/Plenum', 'channel'],
    ['https://www.youtube.com/playlist?list=PL123', 'playlist'],
    ['https://www.youtube.com/', 'no_video_id'],
    ['https://www.youtube.com/results?search_query=plenum', 'no_video_id'],
    ['https://www.youtube.com/watch?v=short', 'invalid_id'],
    ['https://youtu.be/', 'no_video_id'],
    ['https://youtu.be/toolong_id_12345', 'invalid_id'],
    [`https://www.youtube.com/live/`, 'no_video_id'],
    ['dQw4w9WgXc', 'not_youtube'], // ten characters: neither an id nor a URL of YouTube
  ])('refuses %j with %s', (input, reason) => {
    expect(parseYoutubeVideo(input as string | null)).toEqual({ ok: false, reason });
  });
});

describe('YoutubeSettings', () => {
  it('defaults to off: no URL, import off, German and English prefixes', () => {
    expect(YoutubeSettings.parse({})).toEqual({ url: null, chatImport: 'off', prefixes: ['Frage:', 'Q:', 'F:'] });
  });

  it('keeps a valid URL and refuses an invalid one with the reason as message', () => {
    expect(YoutubeSettings.parse({ url: `https://youtu.be/${ID}` }).url).toBe(`https://youtu.be/${ID}`);
    const bad = YoutubeSettings.safeParse({ url: 'https://www.youtube.com/@plenum' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe('channel');
  });

  it('an empty or blank URL (a cleared form field) is null', () => {
    expect(YoutubeSettings.parse({ url: '' }).url).toBeNull();
    expect(YoutubeSettings.parse({ url: '   ' }).url).toBeNull();
    expect(YoutubeSettingsPatch.parse({ url: '' })).toEqual({ url: null });
    expect(YoutubeSettings.parse({ url: `  ${ID} ` }).url).toBe(ID);
  });

  it('limits prefixes to 10 of at most 20 characters', () => {
    expect(YoutubeSettings.safeParse({ prefixes: Array.from({ length: 11 }, (_, i) => `P${i}:`) }).success).toBe(false);
    expect(YoutubeSettings.safeParse({ prefixes: ['x'.repeat(21)] }).success).toBe(false);
    expect(YoutubeSettings.safeParse({ prefixes: ['  '] }).success).toBe(false);
    expect(YoutubeSettings.parse({ prefixes: [' Frage: '] }).prefixes).toEqual(['Frage:']);
  });

  it('a patch of one field fills no defaults into the others', () => {
    expect(YoutubeSettingsPatch.parse({ chatImport: 'all' })).toEqual({ chatImport: 'all' });
    expect(YoutubeSettingsPatch.parse({ url: null })).toEqual({ url: null });
  });

  it('settingsVideoId', () => {
    expect(settingsVideoId({ url: `https://www.youtube.com/live/${ID}` })).toBe(ID);
    expect(settingsVideoId({ url: null })).toBeNull();
    expect(settingsVideoId({ url: 'https://example.org' })).toBeNull();
  });
});
