/**
 * ChatBridges: one poller per event, settings decide whether it runs (off by default: no request to
 * Google), restarts on a new video, chat:import from the feed, chat:retry.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DomainError } from '../../shared/errors.js';
import { YoutubeSettings, type BridgeStatus } from '../../shared/chat/schemas.js';
import { DEFAULT_BRIDGE_CONFIG } from '../../server/chat/core/machine.js';
import { toFeedMessage } from '../../server/chat/feed.js';
import { ChatBridges } from '../../server/chat/registry.js';
import { MemoryChatDb } from '../fakes/chat-store.js';
import { FakeClock } from '../fakes/clock.js';
import { FakeYoutube, startFakeYoutube } from '../fakes/youtube.js';

const KEY = 'registry-key';
const T0 = Date.parse('2026-11-30T17:00:00Z');

let yt: FakeYoutube;
let db: MemoryChatDb;
let clock: FakeClock;
let statuses: [string, BridgeStatus][];
let bridges: ChatBridges;

function make(apiKey: string | null = KEY): ChatBridges {
  return new ChatBridges({
    apiKey,
    apiBase: yt.base,
    storeFor: db.storeFor,
    config: DEFAULT_BRIDGE_CONFIG,
    clock,
    random: () => 0,
    onStatus: (eventId, status) => statuses.push([eventId, status]),
  });
}

const settle = async () => {
  for (const id of bridges.running()) await bridges.poller(id)!.settled();
};

beforeEach(async () => {
  yt = await startFakeYoutube({ apiKey: KEY });
  yt.liveVideo('VideoAAAAAA', 'chatA');
  yt.liveVideo('VideoBBBBBB', 'chatB');
  db = new MemoryChatDb();
  clock = new FakeClock(T0);
  statuses = [];
  bridges = make();
});

afterEach(async () => {
  await bridges.stopAll();
  await yt.close();
});

const on = (url: string, chatImport: YoutubeSettings['chatImport'] = 'question-mark') => YoutubeSettings.parse({ url, chatImport });

describe('ChatBridges', () => {
  it('off by default: default settings make no request to Google', async () => {
    const status = await bridges.apply('e1', YoutubeSettings.parse({}));
    expect(status).toMatchObject({ state: 'off', offReason: 'no_url' });
    expect((await bridges.apply('e1', YoutubeSettings.parse({ url: 'https://youtu.be/VideoAAAAAA' }))).offReason).toBe('import_off');
    expect(yt.requests).toEqual([]);
    expect(bridges.running()).toEqual([]);
  });

  it('no API key: nothing runs, the status says why', async () => {
    await bridges.stopAll();
    bridges = make(null);
    expect(bridges.enabled).toBe(false);
    expect(await bridges.apply('e1', on('VideoAAAAAA'))).toMatchObject({ state: 'off', offReason: 'no_api_key' });
    expect(bridges.status('e9')).toMatchObject({ state: 'off', offReason: 'no_api_key' });
    expect(yt.requests).toEqual([]);
  });

  it('one poller per event, also under concurrent applies', async () => {
    const s = on('https://www.youtube.com/watch?v=VideoAAAAAA');
    await Promise.all([bridges.apply('e1', s), bridges.apply('e1', s), bridges.apply('e1', { ...s })]);
    await settle();
    expect(bridges.running()).toEqual(['e1']);
    expect(yt.calls('/videos')).toHaveLength(1);
    expect(yt.calls('/liveChat/messages')).toHaveLength(1);
    expect(bridges.status('e1').state).toBe('connected');
  });

  it('a new URL stops the old poller and starts one on the new video; import off stops it', async () => {
    await bridges.apply('e1', on('VideoAAAAAA'));
    await settle();
    const first = bridges.poller('e1')!;
    await bridges.apply('e1', on('https://youtu.be/VideoBBBBBB'));
    await settle();
    expect(first.status().state).toBe('off');
    expect(bridges.poller('e1')!.videoId).toBe('VideoBBBBBB');
    expect(yt.calls('/liveChat/messages').at(-1)!.params.liveChatId).toBe('chatB');
    const off = await bridges.apply('e1', on('VideoBBBBBB', 'off'));
    expect(off).toMatchObject({ state: 'off', offReason: 'import_off' });
    expect(bridges.running()).toEqual([]);
    expect(statuses.at(-1)).toEqual(['e1', off]);
  });

  it('changing only the rule keeps the poller and applies the new rule', async () => {
    await bridges.apply('e1', on('VideoAAAAAA'));
    await settle();
    const p = bridges.poller('e1');
    await bridges.apply('e1', on('VideoAAAAAA', 'all'));
    expect(bridges.poller('e1')).toBe(p);
    yt.say('chatA', 'Hallo ohne Fragezeichen');
    await clock.advance(6_000, settle);
    expect(db.questions('e1')).toHaveLength(1);
  });

  it('quota is shared by all events of the installation', async () => {
    await bridges.apply('e1', on('VideoAAAAAA'));
    await bridges.apply('e2', on('VideoBBBBBB'));
    await settle();
    const s1 = bridges.status('e1');
    expect(s1.quotaUsedToday).toBe(12);
    expect(s1.quotaUsedByEvent).toBe(6);
  });

  it('chat:import: one click makes a question of a feed message, once; deleted and unknown messages are refused', async () => {
    await bridges.apply('e1', on('VideoAAAAAA'));
    await settle();
    const plain = yt.say('chatA', 'Tolle Präsentation, mehr dazu bitte');
    const gone = yt.say('chatA', 'wird gelöscht');
    const emptySuper = yt.superChat('chatA', null, '€2.00');
    yt.deleteMessage('chatA', gone);
    await clock.advance(6_000, settle);
    expect(db.questions('e1')).toEqual([]);

    const r1 = await bridges.importFromFeed('e1', plain);
    expect(r1.already).toBe(false);
    expect(db.questions('e1')).toEqual([expect.objectContaining({ id: r1.questionId, text: 'Tolle Präsentation, mehr dazu bitte', manual: true, state: 'pending' })]);
    expect(await bridges.importFromFeed('e1', plain, 'anders')).toEqual({ questionId: r1.questionId, already: true });
    expect(bridges.status('e1').imported).toBe(1);

    const code = async (p: Promise<unknown>) => p.then(() => 'ok', (e: unknown) => (e instanceof DomainError ? e.code : String(e)));
    expect(await code(bridges.importFromFeed('e1', gone))).toBe('invalid_state');
    expect(await code(bridges.importFromFeed('e1', 'nope'))).toBe('not_found');
    expect(await code(bridges.importFromFeed('e1', emptySuper))).toBe('invalid_payload');
    const r2 = await bridges.importFromFeed('e1', emptySuper, '  Danke für den Vortrag – gibt es Folien?  ');
    expect(db.questions('e1').find((q) => q.id === r2.questionId)?.text).toBe('Danke für den Vortrag – gibt es Folien?');

    const row = db.rows('e1').find((r) => r.id === plain)!;
    expect(toFeedMessage(row)).toMatchObject({ id: plain, source: 'youtube', author: 'Zuschauer', questionId: r1.questionId, matched: false, deleted: false, banned: false });

    // The feed stays importable after the bridge was switched off.
    await bridges.apply('e1', on('VideoAAAAAA', 'off'));
    const other = db.rows('e1').find((r) => r.kind === 'superChat')!;
    expect((await bridges.importFromFeed('e1', other.id)).already).toBe(true);
  });

  it('chat:retry after an error starts again', async () => {
    yt.fail('keyInvalid', 1, 'videos');
    await bridges.apply('e1', on('VideoAAAAAA'));
    await settle();
    expect(bridges.status('e1')).toMatchObject({ state: 'error', lastError: { reason: 'keyInvalid' } });
    await bridges.retry('e1');
    await settle();
    expect(bridges.status('e1').state).toBe('connected');
  });

  it('forget stops the poller and drops the event', async () => {
    await bridges.apply('e1', on('VideoAAAAAA'));
    await settle();
    await bridges.forget('e1');
    expect(bridges.running()).toEqual([]);
    const n = yt.requests.length;
    await clock.advance(600_000, settle);
    expect(yt.requests.length).toBe(n);
  });
});
