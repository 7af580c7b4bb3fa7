import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createYoutubeApi, YoutubeApiError } from '../../server/chat/youtube-api.js';
import { FakeYoutube, startFakeYoutube, type FakeFailure } from '../fakes/youtube.js';

let yt: FakeYoutube;
beforeAll(async () => {
  yt = await startFakeYoutube({ apiKey: 'SECRET-KEY-abc', pageSize: 2, pollingIntervalMillis: 1234 });
});
afterAll(() => yt.close());

const api = () => createYoutubeApi({ apiKey: 'SECRET-KEY-abc', baseUrl: yt.base, timeoutMs: 2_000 });

async function failureOf(p: Promise<unknown>) {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(YoutubeApiError);
    return err as YoutubeApiError;
  }
  throw new Error('expected a failure');
}

describe('YouTube API client against the fake', () => {
  it('videos.list: active chat, upcoming, ended, normal video, unknown id', async () => {
    yt.liveVideo('AAAAAAAAAAA', 'chatA');
    yt.video('BBBBBBBBBBB', { live: true, liveChatId: null, scheduledStartTime: '2026-12-24T18:00:00Z' });
    yt.video('CCCCCCCCCCC', { live: true, liveChatId: null, actualEndTime: '2026-11-30T09:00:00Z' });
    yt.video('DDDDDDDDDDD', { live: false });
    const a = api();
    const none = { scheduledStartAt: null };
    expect(await a.lookupVideo('AAAAAAAAAAA')).toEqual({ found: true, live: true, activeLiveChatId: 'chatA', ended: false, ...none });
    expect(await a.lookupVideo('BBBBBBBBBBB')).toEqual({
      found: true,
      live: true,
      activeLiveChatId: null,
      ended: false,
      scheduledStartAt: Date.parse('2026-12-24T18:00:00Z'),
    });
    expect(await a.lookupVideo('CCCCCCCCCCC')).toEqual({ found: true, live: true, activeLiveChatId: null, ended: true, ...none });
    expect(await a.lookupVideo('DDDDDDDDDDD')).toEqual({ found: true, live: false, activeLiveChatId: null, ended: false, ...none });
    expect(await a.lookupVideo('ZZZZZZZZZZZ')).toEqual({ found: false, live: false, activeLiveChatId: null, ended: false, ...none });
    const req = yt.calls('/videos').at(-1)!;
    expect(req.params).toEqual({ part: 'liveStreamingDetails', id: 'ZZZZZZZZZZZ', key: 'SECRET-KEY-abc' });
  });

  it('liveChatMessages.list: pages with nextPageToken, pollingIntervalMillis, parsed items', async () => {
    yt.liveVideo('EEEEEEEEEEE', 'chatE');
    yt.say('chatE', 'one');
    yt.superChat('chatE', 'two?');
    yt.other('chatE', 'newSponsorEvent');
    const a = api();
    const p1 = await a.listMessages('chatE', null);
    expect(p1.items.map((i) => i.snippet.type)).toEqual(['textMessageEvent', 'superChatEvent']);
    expect(p1.items[0]?.authorDetails?.displayName).toBe('Zuschauer');
    expect(p1.pollingIntervalMillis).toBe(1234);
    expect(p1.offlineAt).toBeNull();
    expect(p1.nextPageToken).toBeTruthy();
    const p2 = await a.listMessages('chatE', p1.nextPageToken);
    expect(p2.items.map((i) => i.snippet.type)).toEqual(['newSponsorEvent']);
    const p3 = await a.listMessages('chatE', p2.nextPageToken);
    expect(p3.items).toEqual([]);
    expect(p3.nextPageToken).toBe(p2.nextPageToken);
    const req = yt.calls('/liveChat/messages').at(-1)!;
    expect(req.params).toMatchObject({ liveChatId: 'chatE', part: 'snippet,authorDetails', key: 'SECRET-KEY-abc', pageToken: p2.nextPageToken! });
  });

  it('offlineAt when the stream went offline', async () => {
    yt.liveVideo('FFFFFFFFFFF', 'chatF');
    yt.endChat('chatF', 'offlineAt');
    const page = await api().listMessages('chatF', null);
    expect(page.offlineAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it.each<[FakeFailure, number, string]>([
    ['quotaExceeded', 403, 'quotaExceeded'],
    ['forbidden', 403, 'forbidden'],
    ['rateLimitExceeded', 403, 'rateLimitExceeded'],
    ['rateLimitExceeded429', 429, 'rateLimitExceeded'],
    ['serverError', 500, 'backendError'],
    ['liveChatNotFound', 404, 'liveChatNotFound'],
    ['liveChatDisabled', 403, 'liveChatDisabled'],
    ['keyInvalid', 400, 'badRequest'],
  ])('error %s → http %i reason %s', async (kind, status, reason) => {
    yt.liveVideo('GGGGGGGGGGG', 'chatG');
    yt.fail(kind);
    const err = await failureOf(api().listMessages('chatG', null));
    expect(err.failure).toMatchObject({ kind: 'http', status, reason });
  });

  it('a dropped connection is a network failure; a closed port too', async () => {
    yt.fail('drop');
    expect((await failureOf(api().lookupVideo('AAAAAAAAAAA'))).failure.kind).toBe('network');
    const closed = createYoutubeApi({ apiKey: 'k', baseUrl: 'http://127.0.0.1:1/youtube/v3', timeoutMs: 1_000 });
    expect((await failureOf(closed.lookupVideo('AAAAAAAAAAA'))).failure.kind).toBe('network');
  });

  it('a wrong key is refused and the key never appears in the error', async () => {
    const wrong = createYoutubeApi({ apiKey: 'WRONG-KEY-xyz', baseUrl: yt.base });
    const err = await failureOf(wrong.lookupVideo('AAAAAAAAAAA'));
    expect(err.failure).toMatchObject({ kind: 'http', status: 400, reason: 'badRequest' });
    expect(err.message).not.toContain('WRONG-KEY-xyz');
    expect(JSON.stringify(err.failure)).not.toContain('WRONG-KEY-xyz');
  });

  it('a non-JSON or odd answer is a badResponse; odd items are skipped, not fatal', async () => {
    const odd = createYoutubeApi({
      apiKey: 'k',
      baseUrl: 'http://x.invalid',
      fetch: async () => new Response('<html>', { status: 200 }),
    });
    expect((await failureOf(odd.lookupVideo('AAAAAAAAAAA'))).failure.kind).toBe('badResponse');
    const items = createYoutubeApi({
      apiKey: 'k',
      baseUrl: 'http://x.invalid',
      fetch: async () =>
        Response.json({ kind: 'youtube#liveChatMessageListResponse', nextPageToken: 'n', items: [{ nope: 1 }, { id: 'm', snippet: { type: 'textMessageEvent' } }] }),
    });
    const page = await items.listMessages('c', null);
    expect(page.items.map((i) => i.id)).toEqual(['m']);
    expect(page.skipped).toBe(1);
  });
});
