/**
 * Work that must run once in the cluster: the YouTube chat bridge runs on the leader only (one poller per
 * event for the whole cluster, one quota), whichever node the settings were saved on; when the leader is
 * killed another node takes over and the import goes on. Against the fake YouTube API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Change } from '../../shared/socket.js';
import { FakeYoutube, startFakeYoutube } from '../fakes/youtube.js';
import { ORGANIZER, api, connect, cookieFrom, createEvent, until, type Client, type TestServer } from '../integration/helpers.js';
import { Cluster, type Node } from './nodes.js';

let yt: FakeYoutube;
let cluster: Cluster;
let nodes: Node[] = [];
const LEADS = 'this node leads';

beforeAll(async () => {
  yt = await startFakeYoutube({ pollingIntervalMillis: 1000 });
  cluster = new Cluster({ LOG_LEVEL: 'info', YOUTUBE_API_KEY: yt.apiKey, YOUTUBE_API_BASE: yt.base, YOUTUBE_MIN_POLL_MS: '1000' });
  nodes = await cluster.start(3);
}, 90_000);

afterAll(async () => {
  await cluster.cleanup();
  await yt.close();
});

const imported = (c: Client, text: string) =>
  c.deltas.flatMap((d) => d.changes).some((ch: Change) => ch.type === 'question:upsert' && ch.question.text === text);

describe('the chat bridge in cluster mode', () => {
  it('runs on the leader only, whichever node saved the settings, and moves when the leader dies', async () => {
    await until(() => nodes.filter((n) => n.output().includes(LEADS)).length === 1, 10_000, 'one leader');
    const leader = nodes.find((n) => n.output().includes(LEADS))!;
    const others = nodes.filter((n) => n !== leader);
    const linkLine = /the link works once\): (\S+)/;
    const printer = nodes.find((n) => linkLine.test(n.output()))!;
    const token = new URL(linkLine.exec(printer.output())![1]!).searchParams.get('token');
    const cookie = cookieFrom(await api(printer.url, '/api/setup', { body: { token, ...ORGANIZER } }));
    const ev = await createEvent({ url: others[0]!.url } as TestServer, cookie);
    const mods = await Promise.all(others.map((n) => connect({ url: n.url } as TestServer, { code: ev.code, token: ev.tokens.moderator })));

    const VIDEO = 'ClusterVid1';
    const CHAT = 'chat-cluster-1';
    yt.liveVideo(VIDEO, CHAT);
    yt.say(CHAT, 'Frage: läuft das nur einmal?');
    // Saved on a node that does not lead: the leader hears of it through the cluster and starts the bridge.
    const patch = await api(others[1]!.url, `/api/events/${ev.id}`, {
      method: 'PATCH',
      cookie,
      body: { settings: { youtube: { url: `https://www.youtube.com/watch?v=${VIDEO}`, chatImport: 'question-mark' } } },
    });
    expect(patch.status, patch.text).toBe(200);
    for (const m of mods) await until(() => imported(m, 'läuft das nur einmal?') || imported(m, 'Frage: läuft das nur einmal?'), 10_000, 'the import on every node');
    await new Promise((r) => setTimeout(r, 2000));
    // One poller in the whole cluster: the video was looked up once, the chat read by one reader at a time.
    expect(yt.calls('/videos').filter((r) => r.params.id === VIDEO)).toHaveLength(1);

    await leader.kill('SIGKILL');
    await until(() => others.filter((n) => n.output().includes(LEADS)).length === 1, 15_000, 'a new leader');
    yt.say(CHAT, 'Frage: und nach dem Ausfall?');
    for (const m of mods) await until(() => imported(m, 'und nach dem Ausfall?') || imported(m, 'Frage: und nach dem Ausfall?'), 15_000, 'the import goes on');
    // The new leader started one poller of its own (one more lookup), not two.
    expect(yt.calls('/videos').filter((r) => r.params.id === VIDEO)).toHaveLength(2);
    for (const m of mods) m.close();
  });
});
