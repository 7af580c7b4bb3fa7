import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { BridgeStatus, ChatFeedMessage } from '../../shared/chat/schemas.js';
import { EventSettings } from '../../shared/events/schemas.js';
import { eventInfo, snapshot } from '../testing/fixtures.js';
import { renderWithEvent } from '../testing/render.js';
import { ChatPanel } from './ChatPanel.js';
import { upsertFeed } from './slice.js';

const status = (over: Partial<BridgeStatus> = {}): BridgeStatus => ({
  state: 'connected',
  offReason: null,
  videoId: 'LiveVideo01',
  lastReadAt: '2025-01-01T10:00:00.000Z',
  nextPollAt: '2025-01-01T10:00:06.000Z',
  read: 12,
  imported: 3,
  quotaUsedToday: 120,
  quotaUsedByEvent: 100,
  quotaResetAt: '2025-01-02T08:00:00.000Z',
  quotaEstimateForHours: { hours: 3, intervalMs: 6000, units: 9001, dailyLimit: 10000, fits: true },
  lastError: null,
  ...over,
});
const msg = (id: string, over: Partial<ChatFeedMessage> = {}): ChatFeedMessage => ({
  id,
  source: 'youtube',
  kind: 'text',
  author: `Autor ${id}`,
  authorChannelId: `ch-${id}`,
  text: `Nachricht ${id}`,
  amount: null,
  at: '2025-01-01T10:00:00.000Z',
  questionId: null,
  matched: false,
  deleted: false,
  banned: false,
  ...over,
});
const withYoutube = (s: BridgeStatus, feed: ChatFeedMessage[]) =>
  snapshot({
    me: { role: 'moderator', id: 'm' },
    event: eventInfo({ settings: EventSettings.parse({ youtube: { url: 'LiveVideo01', chatImport: 'question-mark' } }) }),
    chat: { status: s, feed },
  });

describe('the YouTube side panel', () => {
  it('tells the bridge state in words, with counts and the quota estimate', () => {
    renderWithEvent(<ChatPanel />, withYoutube(status(), []));
    expect(screen.getByRole('heading', { name: 'YouTube-Chat' })).toBeInTheDocument();
    expect(screen.getByText('Verbunden')).toBeInTheDocument();
    expect(screen.getByText('12 Nachrichten gelesen')).toBeInTheDocument();
    expect(screen.getByText('3 als Fragen übernommen')).toBeInTheDocument();
    expect(screen.getByText(/API-Kontingent heute: 120 von 10000 Einheiten/)).toBeInTheDocument();
    expect(screen.getByText(/9001 von 10000 Einheiten/)).toBeInTheDocument();
  });

  it('shows the last error, what to do, and retries', async () => {
    const user = userEvent.setup();
    const error = { reason: 'quotaExceeded' as const, messageKey: 'chat.error.quotaExceeded', adviceKey: 'chat.advice.quotaExceeded', httpStatus: 403, detail: 'quota', at: '2025-01-01T10:00:00.000Z' };
    const { calls } = renderWithEvent(<ChatPanel />, withYoutube(status({ state: 'backoff', lastError: error }), []));
    expect(screen.getByText('Letzter Fehler')).toBeInTheDocument();
    expect(screen.getByText('Was tun?')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Jetzt erneut versuchen' }));
    expect(calls()).toEqual([['chat:retry', {}]]);
  });

  it('lists the feed newest first and imports a message with one click', async () => {
    const user = userEvent.setup();
    const { calls } = renderWithEvent(<ChatPanel />, withYoutube(status(), [msg('a', { questionId: 'q1', matched: true }), msg('b'), msg('c', { deleted: true })]));
    const feed = screen.getByRole('list', { name: 'Chat' });
    const items = within(feed).getAllByRole('listitem');
    expect(items.map((li) => li.querySelector('.chat-msg-text')?.textContent)).toEqual(['Nachricht c', 'Nachricht b', 'Nachricht a']);
    expect(within(items[2]!).getByText('Als Frage übernommen')).toBeInTheDocument();
    expect(within(items[0]!).queryByRole('button')).not.toBeInTheDocument();
    await user.click(within(items[1]!).getByRole('button'));
    expect(calls()).toEqual([['chat:import', { messageId: 'b' }]]);
  });

  it('is not shown when no broadcast is linked and the feed is empty', () => {
    const { container } = renderWithEvent(<ChatPanel />, snapshot({ me: { role: 'moderator', id: 'm' }, chat: { status: status({ state: 'off', offReason: 'no_url' }), feed: [] } }));
    expect(container).toBeEmptyDOMElement();
  });

  it('upserts feed messages by id and keeps order', () => {
    const next = upsertFeed([msg('a'), msg('b')], [msg('b', { deleted: true }), msg('c')]);
    expect(next.map((m) => [m.id, m.deleted])).toEqual([['a', false], ['b', true], ['c', false]]);
  });
});
