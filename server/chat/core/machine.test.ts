import { describe, expect, it } from 'vitest';
import { DEFAULT_BRIDGE_CONFIG, classifyFailure, initialState, step, type Effect, type MachineEvent, type MachineState, type StepContext } from './machine.js';
import { charge, emptyLedger, markExhausted, nextPacificMidnight, type QuotaLedger } from './quota.js';
import { toStatus } from './status.js';
import type { ApiFailure } from './youtube.js';

const T0 = Date.parse('2026-11-30T10:00:00Z');
const config = DEFAULT_BRIDGE_CONFIG;

function ctx(now = T0, quota: QuotaLedger = emptyLedger(now), jitter = 0): StepContext {
  return { now, quota, config, jitter };
}

/** Runs events in order from a state, returning the last state and all effects. */
function run(state: MachineState, events: MachineEvent[], c: StepContext = ctx()): { state: MachineState; effects: Effect[] } {
  const effects: Effect[] = [];
  for (const e of events) {
    const r = step(state, e, c);
    state = r.state;
    effects.push(...r.effects);
  }
  return { state, effects };
}

const start: MachineEvent = { type: 'start', videoId: 'vid', cursor: null, read: 0, imported: 0 };
const live: MachineEvent = { type: 'video', lookup: { found: true, live: true, activeLiveChatId: 'chat1', ended: false } };
const page = (next: string | null, extra: Partial<Extract<MachineEvent, { type: 'page' }>> = {}): MachineEvent => ({
  type: 'page',
  actions: [],
  nextPageToken: next,
  pollingIntervalMillis: 2_000,
  offlineAt: null,
  ...extra,
});
const committed: MachineEvent = { type: 'committed', read: 0, imported: 0 };
const http = (status: number, reason: string | null, domain: string | null = null): MachineEvent => ({
  type: 'failure',
  failure: { kind: 'http', status, reason, domain, message: `${reason}` },
});

/** Connected, with page t1 committed and waiting. */
function connected(): MachineState {
  return run(initialState(), [start, live, page('t1'), committed]).state;
}

const types = (effects: Effect[]) => effects.map((e) => e.type);

describe('the poll loop', () => {
  it('start resolves the chat first (videos.list)', () => {
    const r = step(initialState(), start, ctx());
    expect(r.state.phase).toBe('resolving');
    expect(r.effects).toEqual([{ type: 'status' }, { type: 'fetchVideo', videoId: 'vid' }]);
  });

  it('a live chat → connected, reads from the start of the chat, charges 1 unit', () => {
    const r = run(initialState(), [start, live]);
    expect(r.state.phase).toBe('connected');
    expect(r.effects).toContainEqual({ type: 'charge', units: 1 });
    expect(r.effects.at(-1)).toEqual({ type: 'fetchMessages', liveChatId: 'chat1', pageToken: null });
  });

  it('a page is committed with the advanced cursor before anything else; 5 units', () => {
    const s = run(initialState(), [start, live]).state;
    const r = step(s, page('t1', { actions: [{ kind: 'delete', messageId: 'x' }] }), ctx());
    expect(r.state.inFlight).toBe('commit');
    expect(r.state.cursor?.pageToken).toBeNull(); // not advanced until committed
    expect(r.effects).toEqual([
      { type: 'charge', units: 5 },
      { type: 'commit', actions: [{ kind: 'delete', messageId: 'x' }], cursor: { videoId: 'vid', liveChatId: 'chat1', pageToken: 't1', endedAt: null } },
    ]);
  });

  it('after the commit: waits max(pollingIntervalMillis, minimum), then reads with the new token', () => {
    const s = run(initialState(), [start, live, page('t1')]).state;
    const r = step(s, { type: 'committed', read: 3, imported: 1 }, ctx());
    expect(r.state).toMatchObject({ phase: 'connected', read: 3, imported: 1, lastReadAt: T0, dueAt: T0 + 6_000 });
    expect(r.state.cursor?.pageToken).toBe('t1');
    expect(r.effects).toEqual([{ type: 'status' }, { type: 'wait', ms: 6_000 }]);

    const slow = run(initialState(), [start, live, page('t1', { pollingIntervalMillis: 9_500 }), committed]);
    expect(slow.effects.at(-1)).toEqual({ type: 'wait', ms: 9_500 });
    const none = run(initialState(), [start, live, page('t1', { pollingIntervalMillis: null }), committed]);
    expect(none.effects.at(-1)).toEqual({ type: 'wait', ms: config.defaultPollIntervalMs });

    // An early tick only re-arms the timer; a due one reads the next page.
    expect(step(r.state, { type: 'tick' }, ctx(T0 + 1_000)).effects).toEqual([{ type: 'wait', ms: 5_000 }]);
    expect(step(r.state, { type: 'tick' }, ctx(T0 + 6_000)).effects).toEqual([{ type: 'fetchMessages', liveChatId: 'chat1', pageToken: 't1' }]);
  });

  it('offlineAt ends the chat after the page is stored', () => {
    const s = run(initialState(), [start, live, page('t1', { offlineAt: '2026-11-30T12:00:00Z' })]).state;
    expect(s.inFlight).toBe('commit');
    const r = step(s, committed, ctx());
    expect(r.state.phase).toBe('ended');
    expect(r.state.cursor?.endedAt).toBe(new Date(T0).toISOString());
    expect(types(r.effects)).toEqual(['status', 'halt']);
  });

  it('a chatEndedEvent in the page ends it too; the commit effect carries endedAt', () => {
    const s = run(initialState(), [start, live]).state;
    const r = step(s, page('t1', { actions: [{ kind: 'end' }] }), ctx());
    expect(r.effects[1]).toMatchObject({ type: 'commit', cursor: { endedAt: new Date(T0).toISOString() } });
    expect(step(r.state, committed, ctx()).state.phase).toBe('ended');
  });

  it('403 liveChatEnded → ended, no error', () => {
    const s = step(connected(), { type: 'tick' }, ctx(T0 + 6_000)).state;
    const r = step(s, http(403, 'liveChatEnded', 'youtube.liveChat'), ctx(T0 + 6_100));
    expect(r.state.phase).toBe('ended');
    expect(r.state.lastError).toBeNull();
    expect(r.effects).toContainEqual({ type: 'persistCursor', cursor: { videoId: 'vid', liveChatId: 'chat1', pageToken: 't1', endedAt: new Date(T0 + 6_100).toISOString() } });
    expect(types(r.effects)).toEqual(['charge', 'persistCursor', 'status', 'halt']);
  });

  it('quotaExceeded: marks the installation exhausted, backs off until the Pacific midnight reset', () => {
    const s = step(connected(), { type: 'tick' }, ctx(T0 + 6_000)).state;
    const r = step(s, http(403, 'quotaExceeded', 'youtube.quota'), ctx(T0 + 6_000));
    expect(r.state.phase).toBe('backoff');
    expect(r.state.lastError).toMatchObject({ reason: 'quotaExceeded', messageKey: 'chat.error.quotaExceeded', adviceKey: 'chat.advice.quotaExceeded', httpStatus: 403 });
    expect(types(r.effects)).toEqual(['quotaExhausted', 'status', 'wait']); // no charge for a refused call
    // The shell marks the ledger; the next tick does not call but waits for the reset.
    const exhausted = markExhausted(emptyLedger(T0), T0);
    const tick = step(r.state, { type: 'tick' }, ctx(T0 + 6_000, exhausted));
    const reset = nextPacificMidnight(T0);
    expect(tick.state).toMatchObject({ phase: 'backoff', dueAt: reset, inFlight: null });
    expect(tick.effects).toEqual([{ type: 'status' }, { type: 'wait', ms: reset - T0 - 6_000 }]);
    // After the reset it reads the same page again.
    const later = step(tick.state, { type: 'tick' }, ctx(reset, exhausted));
    expect(later.effects).toEqual([{ type: 'fetchMessages', liveChatId: 'chat1', pageToken: 't1' }]);
    // Recovery clears the error.
    const ok = run(later.state, [page('t2'), committed], ctx(reset + 100));
    expect(ok.state).toMatchObject({ phase: 'connected', lastError: null, failures: 0 });
  });

  it('the local ledger prevents a call that would exceed the daily quota', () => {
    const s = connected();
    const full = charge(emptyLedger(T0), 'e', 9_998, T0);
    const r = step(s, { type: 'tick' }, ctx(T0 + 6_000, full));
    expect(r.state.phase).toBe('backoff');
    expect(r.state.lastError?.reason).toBe('quotaExceeded');
    expect(r.effects.some((e) => e.type === 'fetchMessages')).toBe(false);
  });

  it.each([
    [403, 'rateLimitExceeded', 'youtube.liveChat'],
    [429, 'rateLimitExceeded', 'global'],
    [429, null, null],
  ])('%i %s → rateLimitExceeded backoff, at least the polling interval', (status, reason, domain) => {
    const s = step(connected(), { type: 'tick' }, ctx(T0 + 6_000)).state;
    const r = step(s, http(status, reason, domain), ctx(T0 + 6_000, emptyLedger(T0), 0));
    expect(r.state.phase).toBe('backoff');
    expect(r.state.lastError?.reason).toBe('rateLimitExceeded');
    const wait = r.effects.find((e) => e.type === 'wait') as { ms: number };
    expect(wait.ms).toBeGreaterThanOrEqual(6_000);
  });

  it('network errors and 5xx back off exponentially and retry the same page; success resets', () => {
    let s = step(connected(), { type: 'tick' }, ctx(T0 + 6_000)).state;
    const waits: number[] = [];
    let now = T0 + 6_000;
    for (let i = 0; i < 4; i++) {
      const failure: ApiFailure = i % 2 === 0 ? { kind: 'network', message: 'ECONNRESET' } : { kind: 'http', status: 503, reason: 'backendError', domain: 'global', message: null };
      const r = step(s, { type: 'failure', failure }, ctx(now, emptyLedger(T0), 0));
      expect(r.state.phase).toBe('backoff');
      const w = (r.effects.find((e) => e.type === 'wait') as { ms: number }).ms;
      waits.push(w);
      now += w;
      const t = step(r.state, { type: 'tick' }, ctx(now));
      expect(t.effects).toEqual([{ type: 'fetchMessages', liveChatId: 'chat1', pageToken: 't1' }]);
      s = t.state;
    }
    expect(waits).toEqual([1_000, 5_000, 4_000, 20_000]); // network base 2 s, server base 5 s; attempt 1..4, jitter 0
    expect(s.failures).toBe(4);
    expect(run(s, [page('t2'), committed], ctx(now)).state.failures).toBe(0);
  });

  it('forbidden backs off (it may be temporary), with advice', () => {
    const s = step(connected(), { type: 'tick' }, ctx(T0 + 6_000)).state;
    const r = step(s, http(403, 'forbidden', 'youtube.liveChat'), ctx(T0 + 6_000));
    expect(r.state.phase).toBe('backoff');
    expect(r.state.lastError).toMatchObject({ reason: 'forbidden', adviceKey: 'chat.advice.forbidden' });
  });

  it.each([
    [403, 'liveChatDisabled', 'liveChatDisabled'],
    [400, 'badRequest', 'unknown'],
    [400, 'keyInvalid', 'keyInvalid'],
    [403, 'accessNotConfigured', 'keyInvalid'],
    [403, 'ipRefererBlocked', 'keyInvalid'],
    [401, null, 'keyInvalid'],
    [410, 'gone', 'unknown'],
  ])('%i %s → error %s, the loop halts', (status, reason, expected) => {
    const s = step(connected(), { type: 'tick' }, ctx(T0 + 6_000)).state;
    const r = step(s, http(status, reason), ctx(T0 + 6_000));
    expect(r.state.phase).toBe('error');
    expect(r.state.lastError?.reason).toBe(expected);
    expect(types(r.effects)).toEqual(['charge', 'status', 'halt']);
  });

  it('400 badRequest about the API key → keyInvalid', () => {
    const s = step(connected(), { type: 'tick' }, ctx(T0 + 6_000)).state;
    const r = step(s, { type: 'failure', failure: { kind: 'http', status: 400, reason: 'badRequest', domain: 'global', message: 'API key not valid. Please pass a valid API key.' } }, ctx());
    expect(r.state.lastError?.reason).toBe('keyInvalid');
  });

  it('an invalid page token is dropped: the chat is read from its start (recorded ids prevent duplicates)', () => {
    const s = step(connected(), { type: 'tick' }, ctx(T0 + 6_000)).state;
    const r = step(s, http(400, 'pageTokenInvalid', 'youtube.liveChat'), ctx(T0 + 6_000));
    expect(r.state.phase).toBe('backoff');
    expect(r.state.cursor?.pageToken).toBeNull();
    const t = step(r.state, { type: 'tick' }, ctx(T0 + 12_000));
    expect(t.effects).toEqual([{ type: 'fetchMessages', liveChatId: 'chat1', pageToken: null }]);
  });

  it('404 liveChatNotFound re-resolves the chat (videos.list) after a short backoff', () => {
    const s = step(connected(), { type: 'tick' }, ctx(T0 + 6_000)).state;
    const r = step(s, http(404, 'liveChatNotFound', 'youtube.liveChat'), ctx(T0 + 6_000));
    expect(r.state).toMatchObject({ phase: 'backoff', next: 'video' });
    const t = step(r.state, { type: 'tick' }, ctx(T0 + 60_000));
    expect(t.effects).toEqual([{ type: 'fetchVideo', videoId: 'vid' }]);
    // Same chat id again: the token is kept.
    const again = step(t.state, live, ctx(T0 + 60_100));
    expect(again.effects.at(-1)).toEqual({ type: 'fetchMessages', liveChatId: 'chat1', pageToken: 't1' });
    // A new chat id: read it from its start (recorded ids prevent duplicates).
    const moved = step(t.state, { type: 'video', lookup: { found: true, live: true, activeLiveChatId: 'chat2', ended: false } }, ctx(T0 + 60_100));
    expect(moved.effects.at(-1)).toEqual({ type: 'fetchMessages', liveChatId: 'chat2', pageToken: null });
  });

  it('video lookups: not found → error; not a live video → error; upcoming → waiting; over → ended', () => {
    const s = run(initialState(), [start]).state;
    expect(step(s, { type: 'video', lookup: { found: false, live: false, activeLiveChatId: null, ended: false } }, ctx()).state.lastError?.reason).toBe('videoNotFound');
    expect(step(s, { type: 'video', lookup: { found: true, live: false, activeLiveChatId: null, ended: false } }, ctx()).state.lastError?.reason).toBe('notLiveVideo');
    const waiting = step(s, { type: 'video', lookup: { found: true, live: true, activeLiveChatId: null, ended: false } }, ctx());
    expect(waiting.state.phase).toBe('waiting');
    expect(waiting.effects.at(-1)).toEqual({ type: 'wait', ms: 60_000 });
    expect(step(waiting.state, { type: 'tick' }, ctx(T0 + 60_000)).effects).toEqual([{ type: 'fetchVideo', videoId: 'vid' }]);
    expect(step(s, { type: 'video', lookup: { found: true, live: true, activeLiveChatId: null, ended: true } }, ctx()).state.phase).toBe('ended');
  });

  it('waiting looks again less and less often, and sleeps until shortly before a scheduled start', () => {
    const upcoming = (scheduledStartAt: number | null): MachineEvent => ({
      type: 'video',
      lookup: { found: true, live: true, activeLiveChatId: null, ended: false, scheduledStartAt },
    });
    let s = run(initialState(), [start]).state;
    let now = T0;
    const waits: number[] = [];
    for (let i = 0; i < 5; i++) {
      const r = step(s, upcoming(null), ctx(now));
      const w = (r.effects.at(-1) as { ms: number }).ms;
      waits.push(w);
      now += w;
      s = step(r.state, { type: 'tick' }, ctx(now)).state;
    }
    expect(waits).toEqual([60_000, 120_000, 240_000, 300_000, 300_000]);
    const far = step(run(initialState(), [start]).state, upcoming(T0 + 2 * 3_600_000), ctx());
    expect(far.effects.at(-1)).toEqual({ type: 'wait', ms: 2 * 3_600_000 - 300_000 });
    const veryFar = step(run(initialState(), [start]).state, upcoming(T0 + 7 * 86_400_000), ctx());
    expect(veryFar.effects.at(-1)).toEqual({ type: 'wait', ms: 6 * 3_600_000 });
    const soon = step(run(initialState(), [start]).state, upcoming(T0 + 120_000), ctx());
    expect(soon.effects.at(-1)).toEqual({ type: 'wait', ms: 60_000 });
  });

  it('a failed commit reads the same page again (the token did not advance)', () => {
    const s = step(connected(), { type: 'tick' }, ctx(T0 + 6_000)).state;
    const p = step(s, page('t2'), ctx(T0 + 6_000)).state;
    const r = step(p, { type: 'commitFailed', message: 'disk I/O error' }, ctx(T0 + 6_000));
    expect(r.state).toMatchObject({ phase: 'backoff', inFlight: null });
    expect(r.state.cursor?.pageToken).toBe('t1');
    expect(r.state.lastError?.reason).toBe('storage');
    const t = step(r.state, { type: 'tick' }, ctx(T0 + 60_000));
    expect(t.effects).toEqual([{ type: 'fetchMessages', liveChatId: 'chat1', pageToken: 't1' }]);
  });

  it('stop halts; late outcomes are ignored', () => {
    const s = step(connected(), { type: 'tick' }, ctx(T0 + 6_000)).state;
    const stopped = step(s, { type: 'stop' }, ctx());
    expect(stopped.state.phase).toBe('off');
    expect(types(stopped.effects)).toEqual(['status', 'halt']);
    expect(step(stopped.state, page('t9'), ctx()).effects).toEqual([]);
    expect(step(stopped.state, { type: 'tick' }, ctx()).effects).toEqual([]);
    expect(step(stopped.state, http(500, null), ctx()).effects).toEqual([]);
  });

  it('a commit that finishes after stop is adopted silently', () => {
    const s = run(initialState(), [start, live, page('t1'), { type: 'stop' }]).state;
    const r = step(s, committed, ctx());
    expect(r.state.phase).toBe('off');
    expect(r.state.cursor?.pageToken).toBe('t1');
    expect(r.effects).toEqual([]);
  });

  it('a restart continues from the stored cursor of the same video; another video starts afresh', () => {
    const cursor = { videoId: 'vid', liveChatId: 'chat1', pageToken: 't7', endedAt: null };
    const r = run(initialState(), [{ type: 'start', videoId: 'vid', cursor, read: 70, imported: 5 }, live]);
    expect(r.state).toMatchObject({ read: 70, imported: 5 });
    expect(r.effects.at(-1)).toEqual({ type: 'fetchMessages', liveChatId: 'chat1', pageToken: 't7' });
    const other = run(initialState(), [{ type: 'start', videoId: 'other', cursor, read: 0, imported: 0 }, live]);
    expect(other.effects.at(-1)).toEqual({ type: 'fetchMessages', liveChatId: 'chat1', pageToken: null });
  });

  it('an ended chat is not polled after a restart; retry starts again', () => {
    const cursor = { videoId: 'vid', liveChatId: 'chat1', pageToken: 't7', endedAt: '2026-11-30T09:00:00Z' };
    const r = step(initialState(), { type: 'start', videoId: 'vid', cursor, read: 1, imported: 0 }, ctx());
    expect(r.state.phase).toBe('ended');
    expect(types(r.effects)).toEqual(['status', 'halt']);
    const retry = step(r.state, { type: 'retry' }, ctx());
    expect(retry.state.phase).toBe('resolving');
    expect(retry.effects.at(-1)).toEqual({ type: 'fetchVideo', videoId: 'vid' });
  });

  it('retry from an error clears it; retry while a call runs waits for its outcome', () => {
    const s = step(connected(), { type: 'tick' }, ctx(T0 + 6_000)).state;
    expect(step(s, { type: 'retry' }, ctx()).effects).toEqual([]);
    const err = step(s, http(400, 'badRequest'), ctx()).state;
    const r = step(err, { type: 'retry' }, ctx());
    expect(r.state).toMatchObject({ phase: 'resolving', lastError: null, failures: 0 });
  });

  it('manual imports count', () => {
    expect(step(connected(), { type: 'manualImport' }, ctx()).state.imported).toBe(1);
  });
});

describe('classifyFailure', () => {
  it('maps documented reasons', () => {
    expect(classifyFailure({ kind: 'http', status: 403, reason: 'dailyLimitExceeded', domain: 'usageLimits', message: null }, 'messages')).toEqual({ reason: 'quotaExceeded', action: 'quota' });
    expect(classifyFailure({ kind: 'http', status: 404, reason: 'videoNotFound', domain: 'youtube.video', message: null }, 'video')).toEqual({ reason: 'videoNotFound', action: 'fatal' });
    expect(classifyFailure({ kind: 'badResponse', message: 'x' }, 'video')).toEqual({ reason: 'badResponse', action: 'backoff' });
  });
});

describe('toStatus', () => {
  it('speaks in the shared BridgeStatus shape with the quota estimate', () => {
    const s = connected();
    const quota = charge(emptyLedger(T0), 'ev', 6, T0);
    const status = toStatus(s, { eventId: 'ev', now: T0, quota, config });
    expect(status).toMatchObject({
      state: 'connected',
      offReason: null,
      videoId: 'vid',
      lastReadAt: new Date(T0).toISOString(),
      nextPollAt: new Date(T0 + 6_000).toISOString(),
      quotaUsedToday: 6,
      quotaUsedByEvent: 6,
      quotaResetAt: '2026-12-01T08:00:00.000Z',
      quotaEstimateForHours: { hours: 3, intervalMs: 6_000, units: 9_001, dailyLimit: 10_000, fits: true },
      lastError: null,
    });
  });
});
