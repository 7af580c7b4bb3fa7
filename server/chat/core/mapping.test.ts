import { describe, expect, it } from 'vitest';
import { advanceCursor, messageIds, planPage } from './ledger.js';
import { mapItem, mapItems, type BridgeAction } from './mapping.js';
import { LiveChatMessage } from './youtube.js';

const author = { channelId: 'UCa', displayName: 'Anna' };
const item = (id: string, snippet: Record<string, unknown>, details: Record<string, unknown> | null = author) =>
  LiveChatMessage.parse({ kind: 'youtube#liveChatMessage', id, snippet: { publishedAt: '2026-11-30T10:00:00Z', ...snippet }, ...(details ? { authorDetails: details } : {}) });

describe('mapItem', () => {
  it('textMessageEvent → message with messageText and the display name', () => {
    expect(mapItem(item('m1', { type: 'textMessageEvent', displayMessage: 'Hi?', textMessageDetails: { messageText: 'Hi?' } }))).toEqual({
      kind: 'message',
      message: { id: 'm1', kind: 'text', authorChannelId: 'UCa', authorName: 'Anna', text: 'Hi?', amount: null, publishedAt: '2026-11-30T10:00:00Z' },
    });
  });

  it('falls back to displayMessage and to the channel id when details are missing', () => {
    const a = mapItem(item('m2', { type: 'textMessageEvent', displayMessage: 'only display', authorChannelId: 'UCz' }, null));
    expect(a).toMatchObject({ kind: 'message', message: { text: 'only display', authorChannelId: 'UCz', authorName: 'UCz' } });
  });

  it('superChatEvent → message of kind superChat with its user comment and amount', () => {
    const a = mapItem(item('s1', { type: 'superChatEvent', superChatDetails: { amountDisplayString: '€5.00', userComment: 'Frage: Warum?', amountMicros: '5000000', currency: 'EUR' } }));
    expect(a).toMatchObject({ kind: 'message', message: { kind: 'superChat', text: 'Frage: Warum?', amount: '€5.00' } });
    const empty = mapItem(item('s2', { type: 'superChatEvent', superChatDetails: { amountDisplayString: '€2.00' } }));
    expect(empty).toMatchObject({ message: { text: '', amount: '€2.00' } });
  });

  it('messageDeletedEvent → delete of deletedMessageId', () => {
    expect(mapItem(item('d1', { type: 'messageDeletedEvent', messageDeletedDetails: { deletedMessageId: 'm1' } }))).toEqual({ kind: 'delete', messageId: 'm1' });
  });

  it('userBannedEvent → ban of bannedUserDetails.channelId', () => {
    const a = mapItem(
      item('b1', { type: 'userBannedEvent', userBannedDetails: { bannedUserDetails: { channelId: 'UCbad', displayName: 'Troll' }, banType: 'temporary', banDurationSeconds: '300' } }),
    );
    expect(a).toEqual({ kind: 'ban', ban: { channelId: 'UCbad', displayName: 'Troll', banType: 'temporary', durationSec: 300 } });
  });

  it('chatEndedEvent → end; everything else is ignored', () => {
    expect(mapItem(item('e', { type: 'chatEndedEvent' }))).toEqual({ kind: 'end' });
    for (const type of ['newSponsorEvent', 'memberMilestoneChatEvent', 'superStickerEvent', 'pollEvent', 'tombstone', 'sponsorOnlyModeStartedEvent']) {
      expect(mapItem(item('x', { type }))).toBeNull();
    }
    expect(mapItem(item('d', { type: 'messageDeletedEvent' }))).toBeNull(); // no details: nothing to do
    expect(mapItems([item('x', { type: 'newSponsorEvent' }), item('m', { type: 'textMessageEvent', textMessageDetails: { messageText: 'a' } })])).toHaveLength(1);
  });
});

const msg = (id: string, text: string, channel = 'UCa'): BridgeAction => ({
  kind: 'message',
  message: { id, kind: 'text', authorChannelId: channel, authorName: channel, text, amount: null, publishedAt: '' },
});
const rule = { chatImport: 'question-mark' as const, prefixes: ['Frage:'] };

describe('planPage (exactly-once bookkeeping)', () => {
  it('records new messages, imports the matching ones with the prefix removed', () => {
    const plan = planPage([msg('a', 'Hallo'), msg('b', 'Frage: Wie?')], new Set(), rule);
    expect(plan.record.map((r) => [r.id, r.matched, r.importNow, r.questionText])).toEqual([
      ['a', false, false, 'Hallo'],
      ['b', true, true, 'Wie?'],
    ]);
    expect(plan.duplicates).toBe(0);
  });

  it('skips ids already seen, and ids repeated within the page', () => {
    const plan = planPage([msg('a', 'x?'), msg('b', 'y?'), msg('b', 'y?')], new Set(['a']), rule);
    expect(plan.record.map((r) => r.id)).toEqual(['b']);
    expect(plan.duplicates).toBe(2);
  });

  it('a message deleted within the same page is recorded as deleted and not imported', () => {
    const plan = planPage([msg('a', 'x?'), { kind: 'delete', messageId: 'a' }], new Set(), rule);
    expect(plan.record[0]).toMatchObject({ id: 'a', deleted: true, importNow: false, matched: true });
    expect(plan.deletions).toEqual([]);
  });

  it('deletions of earlier messages are passed on once', () => {
    const plan = planPage([{ kind: 'delete', messageId: 'old' }, { kind: 'delete', messageId: 'old' }], new Set(), rule);
    expect(plan.deletions).toEqual(['old']);
  });

  it('a ban marks the author’s messages of the page and keeps them out of the queue', () => {
    const ban = { channelId: 'UCbad', displayName: 'Troll', banType: 'permanent', durationSec: null };
    const plan = planPage([msg('a', 'spam?', 'UCbad'), msg('b', 'ok?'), { kind: 'ban', ban }], new Set(), rule);
    expect(plan.record.map((r) => [r.id, r.banned, r.importNow])).toEqual([
      ['a', true, false],
      ['b', false, true],
    ]);
    expect(plan.bans).toEqual([ban]);
  });

  it('end is noted', () => {
    expect(planPage([{ kind: 'end' }], new Set(), rule).ended).toBe(true);
  });

  it('messageIds and advanceCursor', () => {
    expect(messageIds([msg('a', ''), { kind: 'delete', messageId: 'z' }, msg('b', '')])).toEqual(['a', 'b']);
    const c = { videoId: 'v', liveChatId: 'c', pageToken: 't1', endedAt: null };
    expect(advanceCursor(c, 't2', null).pageToken).toBe('t2');
    expect(advanceCursor(c, null, null).pageToken).toBe('t1');
    expect(advanceCursor(c, 't2', '2026-11-30T12:00:00.000Z').endedAt).toBe('2026-11-30T12:00:00.000Z');
  });
});
