/** The stream overlay: only the overlay screen's item, as a lower third or compact box, hidden after its time or when taken off. */
import { act, configure, screen } from '@testing-library/react';
import axe from 'axe-core';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ScreenState } from '../../shared/stage/index.js';
import type { Snapshot } from '../../shared/socket.js';
import { clientFeatures } from '../features.js';
import { preloadOnAir } from '../kernel/panels.js';
import { question, snapshot } from '../testing/fixtures.js';
import { renderWithEvent } from '../testing/render.js';
import { LONG_AUTHOR, longText, MAX_QUESTION_LENGTH, stagePoll } from './long-content.js';
import { OverlayContent } from './OverlayPage.js';
import { offAir } from './slice.js';

// Lazy feature components load on first use; the machine is shared, so give async queries time.
configure({ asyncUtilTimeout: 10_000 });
// Load every feature's on-air component first, so renders (also under fake timers) do not wait for a chunk.
beforeAll(() => preloadOnAir(clientFeatures));

const T = '2025-01-01T10:00:00.000Z';
const on = (item: ScreenState['item'], autoHideS: number | null = null): ScreenState => ({ item, since: T, autoHideS, by: 'moderator' });

function snap(overlay: ScreenState, room: ScreenState = offAir): Snapshot {
  return snapshot({
    seq: 1,
    me: { role: 'stage', id: 'stage' },
    serverTime: T,
    qa: { questions: [question('q', { text: longText(MAX_QUESTION_LENGTH), authorName: LONG_AUTHOR }), question('r', { text: 'Nur im Raum' })] },
    stage: { room, overlay, queue: [] },
  });
}

/** The overlay page reads its parameters from the address. */
function atUrl(search: string) {
  window.history.replaceState(null, '', `/e/123456/overlay${search}`);
  return <OverlayContent />;
}

afterEach(() => {
  vi.useRealTimers();
  window.history.replaceState(null, '', '/');
});

describe('stream overlay', () => {
  it('shows the overlay item as a lower third with author; nothing of the room screen; no chrome', async () => {
    renderWithEvent(atUrl(''), snap(on({ kind: 'question', questionId: 'q' }), on({ kind: 'question', questionId: 'r' })));
    expect(await screen.findByText(LONG_AUTHOR)).toBeInTheDocument();
    const slot = screen.getByTestId('overlay-slot');
    expect(slot).toHaveClass('shape-lower-third', 'pos-bottom-left', 'overlay-theme-dark');
    expect(slot.querySelector('blockquote')?.textContent).toHaveLength(MAX_QUESTION_LENGTH);
    expect(screen.queryByText('Nur im Raum')).not.toBeInTheDocument();
    expect(screen.queryByRole('banner')).not.toBeInTheDocument();
    expect(document.documentElement).toHaveClass('overlay-page');
  });

  it('shows nothing when nothing is on air, has no buttons and sends no command', () => {
    const { calls } = renderWithEvent(atUrl(''), snap(offAir));
    expect(screen.queryByTestId('overlay-slot')).not.toBeInTheDocument();
    expect(screen.queryAllByRole('button')).toEqual([]);
    expect(calls()).toEqual([]);
  });

  it('places and sizes the box by position, scale and theme from the address', async () => {
    renderWithEvent(atUrl('?position=top-right&scale=1.5&theme=light'), snap(on({ kind: 'question', questionId: 'q' })));
    const slot = await screen.findByTestId('overlay-slot');
    expect(slot).toHaveClass('pos-top-right', 'overlay-theme-light');
    expect(slot.style.top).toBe('48px');
    expect(Number.parseInt(slot.style.left) + Number.parseInt(slot.style.width)).toBe(1920 - 48);
    expect(slot.style.width).toBe('1500px');
  });

  it('shows a poll result as a compact box', async () => {
    const poll = stagePoll('p', { type: 'single', question: 'Lieblingsfarbe?', options: [{ id: 'a', text: 'Rot' }, { id: 'b', text: 'Grün' }, { id: 'c', text: 'Blau' }] }, { responses: 3, results: { kind: 'choice', counts: { a: 1, b: 2, c: 0 } } });
    const s = snap(on({ kind: 'poll', pollId: 'p' }));
    s.polls.polls = [poll];
    renderWithEvent(atUrl(''), s);
    const slot = await screen.findByTestId('overlay-slot');
    expect(slot).toHaveClass('shape-compact');
    expect(await screen.findByRole('heading', { name: 'Lieblingsfarbe?' })).toBeInTheDocument();
  });

  it('hides after the auto-hide time (server clock), animated out', async () => {
    vi.useFakeTimers({ now: Date.parse(T), toFake: ['Date', 'setTimeout', 'clearTimeout'] });
    renderWithEvent(atUrl(''), snap(on({ kind: 'question', questionId: 'q' }, 10)));
    await act(async () => {
      await vi.advanceTimersByTimeAsync(9_000);
    });
    expect(screen.getByTestId('overlay-slot')).not.toHaveClass('is-leaving');
    await act(async () => {
      await vi.advanceTimersByTimeAsync(1_100);
    });
    expect(screen.getByTestId('overlay-slot')).toHaveClass('is-leaving');
    await act(async () => {
      await vi.advanceTimersByTimeAsync(500);
    });
    expect(screen.queryByTestId('overlay-slot')).not.toBeInTheDocument();
  });

  it('autohide=30 in the address outlasts the moderator\'s 10 s', async () => {
    vi.useFakeTimers({ now: Date.parse(T), toFake: ['Date', 'setTimeout', 'clearTimeout'] });
    renderWithEvent(atUrl('?autohide=30'), snap(on({ kind: 'question', questionId: 'q' }, 10)));
    await act(async () => {
      await vi.advanceTimersByTimeAsync(20_000);
    });
    expect(screen.getByTestId('overlay-slot')).not.toHaveClass('is-leaving');
    await act(async () => {
      await vi.advanceTimersByTimeAsync(10_100);
    });
    expect(screen.getByTestId('overlay-slot')).toHaveClass('is-leaving');
  });

  it('autohide=0 in the address keeps it on until taken off air', async () => {
    vi.useFakeTimers({ now: Date.parse(T), toFake: ['Date', 'setTimeout', 'clearTimeout'] });
    const { store } = renderWithEvent(atUrl('?autohide=0'), snap(on({ kind: 'question', questionId: 'q' }, 10)));
    await act(async () => {
      await vi.advanceTimersByTimeAsync(60_000);
    });
    expect(screen.getByTestId('overlay-slot')).not.toHaveClass('is-leaving');
    act(() => store.getState().receiveDelta({ seq: 2, changes: [{ type: 'stage:screen', screen: 'overlay', state: offAir }] }));
    expect(screen.getByTestId('overlay-slot')).toHaveClass('is-leaving');
    await act(async () => {
      await vi.advanceTimersByTimeAsync(500);
    });
    expect(screen.queryByTestId('overlay-slot')).not.toBeInTheDocument();
  });

  it('leaves at once without animation when the viewer prefers reduced motion', async () => {
    const original = window.matchMedia;
    window.matchMedia = ((q: string) => ({ matches: q.includes('reduce'), media: q, addEventListener() {}, removeEventListener() {} })) as unknown as typeof window.matchMedia;
    try {
      const { store } = renderWithEvent(atUrl(''), snap(on({ kind: 'question', questionId: 'q' })));
      expect(await screen.findByTestId('overlay-slot')).toHaveClass('no-motion');
      act(() => store.getState().receiveDelta({ seq: 2, changes: [{ type: 'stage:screen', screen: 'overlay', state: offAir }] }));
      await act(async () => {
        await new Promise((r) => setTimeout(r, 10));
      });
      expect(screen.queryByTestId('overlay-slot')).not.toBeInTheDocument();
    } finally {
      window.matchMedia = original;
    }
  });

  it('has no axe violations', async () => {
    const { container } = renderWithEvent(atUrl(''), snap(on({ kind: 'question', questionId: 'q' })));
    await screen.findByTestId('overlay-slot');
    const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
    expect(result.violations.map((v) => v.id)).toEqual([]);
  });
});
