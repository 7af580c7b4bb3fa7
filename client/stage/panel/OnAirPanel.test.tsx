/** The moderator's "on air" panel and the buttons other features place next to their items. */
import { act, configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { QueueEntry, ScreenState } from '../../../shared/stage/index.js';
import type { Snapshot } from '../../../shared/socket.js';
import { clientFeatures } from '../../features.js';
import { preloadOnAir } from '../../kernel/panels.js';
import { modQuestion, round, snapshot } from '../../testing/fixtures.js';
import { renderWithEvent } from '../../testing/render.js';
import { stagePoll } from '../long-content.js';
import OnAirActions from '../OnAirActions.js';
import { offAir } from '../slice.js';
import OnAirPanel from './OnAirPanel.js';

// Lazy feature components load on first use; the machine is shared, so give async queries time.
configure({ asyncUtilTimeout: 10_000 });
// Load every feature's on-air component first, so renders (also under fake timers) do not wait for a chunk.
beforeAll(() => preloadOnAir(clientFeatures));

const on = (item: ScreenState['item'], by: ScreenState['by'] = 'moderator'): ScreenState => ({ item, since: '2025-01-01T10:00:00.000Z', autoHideS: null, by });
const queue: QueueEntry[] = [
  { id: 'e1', item: { kind: 'question', questionId: 'q2' } },
  { id: 'e2', item: { kind: 'round', roundId: 'r1' } },
  { id: 'e3', item: { kind: 'join' } },
  { id: 'e4', item: { kind: 'leaderboard', pollId: 'p1' } },
];

/** Generous waits: the machine is shared and busy (lazy feature components load on first use). */
const SLOW = { timeout: 10_000 };

/** Acks as the server sends them (the slice takes the screens and the queue from them). */
function reply(name: string, payload: unknown) {
  const screens = { room: offAir, overlay: offAir };
  switch (name) {
    case 'stage:show':
    case 'stage:clear':
      return { ok: true, ...screens };
    case 'stage:next':
      return { ok: true, ...screens, queue: queue.slice(1) };
    case 'stage:reorder':
      return { ok: true, queue: (payload as { ids: string[] }).ids.map((id) => queue.find((e) => e.id === id)!) };
    case 'stage:dequeue':
      return { ok: true, queue: queue.filter((e) => e.id !== (payload as { id: string }).id) };
    case 'stage:enqueue':
      return { ok: true, queue: [...queue, { id: 'new', item: (payload as { item: QueueEntry['item'] }).item }] };
    default:
      return { ok: true };
  }
}

/** Clicks and waits for the ack (busy buttons ignore clicks). */
async function click(button: HTMLElement) {
  await act(async () => {
    fireEvent.click(button);
  });
}

function snap(role: 'moderator' | 'facilitator' = 'moderator', over: Partial<Snapshot['stage']> = {}): Snapshot {
  return snapshot({
    seq: 1,
    me: { role, id: role },
    qa: { questions: [modQuestion('q1', { text: 'Was kostet das?' }), modQuestion('q2', { text: 'Wann geht es los?' })] },
    breakouts: { rounds: [round('r1', { number: 3 })] },
    polls: { polls: [stagePoll('p1', { type: 'quiz', question: 'Hauptstädte', questionCount: 1 }, { results: { kind: 'quiz', questions: [] } })] },
    stage: { room: on({ kind: 'question', questionId: 'q1' }, 'follow'), overlay: offAir, queue, ...over },
  });
}

describe('on-air panel', () => {
  it('previews both screens with a caption each and takes one off air', async () => {
    const { calls } = renderWithEvent(<OnAirPanel />, snap(), { reply });
    const panel = screen.getByRole('region', { name: 'Auf Sendung' });
    expect(await within(panel).findByText('Frage: Was kostet das?', {}, SLOW)).toBeInTheDocument();
    expect(within(panel).getByText('folgt der Hervorhebung', { exact: false })).toBeInTheDocument();
    expect(panel.querySelector('.onair-preview .stage-room')).not.toBeNull();
    expect(panel.querySelector('.onair-preview .overlay-stage')).not.toBeNull();
    expect(within(panel).getByRole('button', { name: 'Stream-Overlay abschalten' })).toBeDisabled();
    fireEvent.click(within(panel).getByRole('button', { name: 'Bühne im Raum abschalten' }));
    expect(calls()).toEqual([['stage:clear', { screen: 'room' }]]);
  });

  it('lists the queue with each item named by its feature, reorders by keyboard and keeps focus', async () => {
    const { calls, store } = renderWithEvent(<OnAirPanel />, snap(), { reply });
    const list = await screen.findByRole('list');
    await within(list).findByText('Frage: Wann geht es los?', {}, SLOW);
    // each line comes from its own feature's lazily loaded component
    expect(await within(list).findByText('Runde 3')).toBeInTheDocument();
    expect(await within(list).findByText('Mitmachen (Code und QR-Code)')).toBeInTheDocument();
    expect(await within(list).findByText('Bestenliste: Hauptstädte')).toBeInTheDocument();
    const down = screen.getByRole('button', { name: 'Nach unten: Frage: Wann geht es los?' });
    expect(screen.getByRole('button', { name: 'Nach oben: Frage: Wann geht es los?' })).toBeDisabled();
    down.focus();
    fireEvent.click(down);
    await waitFor(() => expect(store.getState().synced.stage.queue.map((e) => e.id)).toEqual(['e2', 'e1', 'e3', 'e4']), SLOW);
    expect(calls()).toEqual([['stage:reorder', { ids: ['e2', 'e1', 'e3', 'e4'] }]]);
    expect(await screen.findByText('Frage: Wann geht es los? ist jetzt auf Platz 2.', {}, SLOW)).toBeInTheDocument();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Nach unten: Frage: Wann geht es los?' })), SLOW);
  });

  it('removes an entry and puts the first one on air on room, overlay or both', async () => {
    const { calls } = renderWithEvent(<OnAirPanel />, snap(), { reply });
    await screen.findByText('Frage: Wann geht es los?', {}, SLOW);
    await click(await screen.findByRole('button', { name: 'Entfernen: Runde 3' }));
    await click(screen.getByRole('button', { name: 'Nächstes auf Bühne im Raum' }));
    await click(screen.getByRole('button', { name: 'Nächstes auf Stream-Overlay' }));
    await click(screen.getByRole('button', { name: 'Nächstes auf Bühne und Overlay' }));
    await click(screen.getByRole('button', { name: 'Mitmachen-Bildschirm einreihen' }));
    expect(calls()).toEqual([
      ['stage:dequeue', { id: 'e2' }],
      ['stage:next', { screen: 'room' }],
      ['stage:next', { screen: 'overlay' }],
      ['stage:next', { screen: 'both' }],
      ['stage:enqueue', { item: { kind: 'join' } }],
    ]);
  });

  it('says when the queue is empty and disables "next"', () => {
    renderWithEvent(<OnAirPanel />, snap('moderator', { queue: [] }));
    expect(screen.getByText(/Die Warteschlange ist leer/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Nächstes auf Bühne im Raum' })).toBeDisabled();
  });

  it('saves the overlay auto-hide as the event setting, and refuses values out of range', async () => {
    const { calls } = renderWithEvent(<OnAirPanel />, snap());
    const field = screen.getByRole('textbox', { name: 'Overlay ausblenden nach (Sekunden)' });
    fireEvent.change(field, { target: { value: '2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Speichern' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('3 bis 3600');
    expect(field).toHaveAttribute('aria-invalid', 'true');
    fireEvent.change(field, { target: { value: '15' } });
    fireEvent.click(screen.getByRole('button', { name: 'Speichern' }));
    fireEvent.change(field, { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Speichern' }));
    expect(calls()).toEqual([
      ['event:settings', { stage: { overlayAutoHideS: 15 } }],
    ]);
  });

  it('facilitators get the previews, the join screen and the queue, without the moderators\' auto-hide setting', async () => {
    const { calls } = renderWithEvent(<OnAirPanel />, snap('facilitator'), { reply });
    expect(await screen.findByText('Frage: Was kostet das?', {}, SLOW)).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: /ausblenden/ })).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Mitmachen-Bildschirm auf die Bühne' }));
    expect(calls()).toEqual([['stage:show', { screen: 'room', item: { kind: 'join' } }]]);
  });

  it('has no axe violations', async () => {
    const { container } = renderWithEvent(<OnAirPanel />, snap());
    await screen.findByText('Frage: Wann geht es los?', {}, SLOW);
    const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join()}`)).toEqual([]);
  });
});

describe('on-air buttons next to an item', () => {
  it('put the item on the room screen, into the overlay or into the queue', async () => {
    const { calls } = renderWithEvent(<OnAirActions item={{ kind: 'question', questionId: 'q1' }} label="Was kostet das?" />, snap(), { reply });
    const group = screen.getByRole('group', { name: 'Auf Sendung bringen: Was kostet das?' });
    await click(within(group).getByRole('button', { name: 'Auf die Leinwand' }));
    await click(within(group).getByRole('button', { name: 'Ins Stream-Overlay' }));
    await click(within(group).getByRole('button', { name: 'Einreihen' }));
    expect(within(group).getByRole('status')).toHaveTextContent('Erledigt.');
    expect(calls()).toEqual([
      ['stage:show', { screen: 'room', item: { kind: 'question', questionId: 'q1' } }],
      ['stage:show', { screen: 'overlay', item: { kind: 'question', questionId: 'q1' } }],
      ['stage:enqueue', { item: { kind: 'question', questionId: 'q1' } }],
    ]);
  });

  it('show the server\'s refusal', async () => {
    renderWithEvent(<OnAirActions item={{ kind: 'poll', pollId: 'x' }} />, snap(), {
      reply: () => ({ ok: false, error: { code: 'stage_item_not_found', message: 'nope' } }),
    });
    fireEvent.click(screen.getByRole('button', { name: 'Auf die Leinwand' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Das gibt es nicht (mehr) oder es darf nicht gezeigt werden.');
  });

  it('are there for facilitators only for rounds and the join screen', () => {
    const { unmount } = renderWithEvent(<OnAirActions item={{ kind: 'question', questionId: 'q1' }} />, snap('facilitator'));
    expect(screen.queryByRole('button', { name: 'Auf die Leinwand' })).not.toBeInTheDocument();
    unmount();
    renderWithEvent(<OnAirActions item={{ kind: 'round', roundId: 'r1' }} />, snap('facilitator'));
    expect(screen.getByRole('button', { name: 'Auf die Leinwand' })).toBeInTheDocument();
  });
});
