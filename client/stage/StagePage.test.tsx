/** The presenter screen: only the room screen's on-air state, each kind rendered by its feature, with the longest content. */
import { act, configure, fireEvent, screen, within } from '@testing-library/react';
import axe from 'axe-core';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { ScreenState } from '../../shared/stage/index.js';
import type { Snapshot } from '../../shared/socket.js';
import { clientFeatures } from '../features.js';
import { preloadOnAir } from '../kernel/panels.js';
import { group, question, round, snapshot } from '../testing/fixtures.js';
import { renderWithEvent } from '../testing/render.js';
import { cloudWords, LONG_AUTHOR, LONG_TITLE, longOptions, longResults, longText, MAX_QUESTION_LENGTH, stagePoll } from './long-content.js';
import { offAir } from './slice.js';
import { StageContent } from './StagePage.js';

// Lazy feature components load on first use; the machine is shared, so give async queries time.
configure({ asyncUtilTimeout: 10_000 });
// Load every feature's on-air component first, so renders (also under fake timers) do not wait for a chunk.
beforeAll(() => preloadOnAir(clientFeatures));

const on = (item: ScreenState['item']): ScreenState => ({ item, since: '2025-01-01T10:00:00.000Z', autoHideS: null, by: 'moderator' });

function stageSnap(room: ScreenState, over: Parameters<typeof snapshot>[0] = {}): Snapshot {
  return snapshot({ seq: 1, me: { role: 'stage', id: 'stage' }, ...over, stage: { room, overlay: offAir, queue: [] } });
}

const choice = stagePoll('p12', { type: 'single', question: longText(300, 'Welche'), options: longOptions }, {
  responses: 78,
  results: { kind: 'choice', counts: Object.fromEntries(longOptions.map((o, i) => [o.id, i + 1])) },
});
const cloud = stagePoll('wc', { type: 'wordcloud', question: 'Ein Wort für heute?', maxWords: 3 }, { responses: 40, results: { kind: 'words', words: cloudWords, total: 820 } });

describe('presenter screen', () => {
  it('shows how to join (code, address, QR) when nothing is on air, without app chrome', async () => {
    renderWithEvent(<StageContent />, stageSnap(offAir));
    expect(screen.getByRole('heading', { level: 1, name: 'Town Hall' })).toBeInTheDocument();
    expect(screen.getByText('Stellen Sie Ihre Fragen!')).toBeInTheDocument();
    expect(screen.getByText(`${window.location.host}/e/123456`)).toBeInTheDocument();
    expect(screen.getByText('123 456')).toBeInTheDocument();
    const qr = await screen.findByRole('img', { name: `QR-Code zur Teilnahme: ${window.location.host}/e/123456` });
    // made in the browser: an inline SVG, no request to a QR service
    expect(qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
    // no banner with the language switch, no link to the start page
    expect(screen.queryByRole('banner')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /English|Deutsch/ })).not.toBeInTheDocument();
    expect(document.documentElement).toHaveClass('stage-page');
  });

  it('shows the longest allowed question whole, with a long author name and live votes, and the join corner', async () => {
    const text = longText(MAX_QUESTION_LENGTH);
    expect(text.length).toBe(2000);
    const { store } = renderWithEvent(
      <StageContent />,
      stageSnap(on({ kind: 'question', questionId: 'q' }), { event: { title: LONG_TITLE }, qa: { questions: [question('q', { text, authorName: LONG_AUTHOR, votes: 3 })] } }),
    );
    const quote = await screen.findByText(text);
    expect(quote.tagName).toBe('BLOCKQUOTE');
    expect(quote.textContent).toHaveLength(2000);
    expect(screen.getByText(LONG_AUTHOR)).toBeInTheDocument();
    expect(screen.getByText('3 Stimmen')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(LONG_TITLE);
    // the corner keeps the address and the QR code while the question is on air
    expect(screen.getByText(`${window.location.host}/e/123456`)).toBeInTheDocument();
    expect(screen.queryByText('Stellen Sie Ihre Fragen!')).not.toBeInTheDocument();
    expect(screen.getAllByTestId('stage-qr')).toHaveLength(1);

    act(() => store.getState().receiveDelta({ seq: 2, changes: [{ type: 'question:votes', counts: { q: 4 } }] }));
    expect(screen.getByText('4 Stimmen')).toBeInTheDocument();
  });

  it('says "anonymous" for a question without author', async () => {
    renderWithEvent(<StageContent />, stageSnap(on({ kind: 'question', questionId: 'q' }), { qa: { questions: [question('q', { text: 'Wann?' })] } }));
    expect(await screen.findByText('Wann?')).toBeInTheDocument();
    expect(screen.getByText('Anonym')).toBeInTheDocument();
  });

  it('follows the server: another item replaces the question, taking it off shows how to join', async () => {
    const { store } = renderWithEvent(<StageContent />, stageSnap(on({ kind: 'question', questionId: 'q' }), { qa: { questions: [question('q', { text: 'Wann?' })] } }));
    expect(await screen.findByText('Wann?')).toBeInTheDocument();
    act(() => store.getState().receiveDelta({ seq: 2, changes: [{ type: 'stage:screen', screen: 'room', state: offAir }] }));
    expect(screen.queryByText('Wann?')).not.toBeInTheDocument();
    expect(screen.getByText('Stellen Sie Ihre Fragen!')).toBeInTheDocument();
    // the overlay's state does not reach the presenter screen
    act(() => store.getState().receiveDelta({ seq: 3, changes: [{ type: 'stage:screen', screen: 'overlay', state: on({ kind: 'question', questionId: 'q' }) }] }));
    expect(screen.queryByText('Wann?')).not.toBeInTheDocument();
  });

  it('shows a poll with 12 long options as bars', async () => {
    renderWithEvent(<StageContent />, stageSnap(on({ kind: 'poll', pollId: 'p12' }), { polls: { polls: [choice] } }));
    expect(await screen.findByRole('heading', { name: choice.definition.question })).toBeInTheDocument();
    for (const o of longOptions) expect(screen.getByText(o.text)).toBeInTheDocument();
  });

  it('shows a word cloud of 40 words (as a list for screen readers)', async () => {
    renderWithEvent(<StageContent />, stageSnap(on({ kind: 'poll', pollId: 'wc' }), { polls: { polls: [cloud] } }));
    expect(await screen.findByRole('heading', { name: 'Ein Wort für heute?' })).toBeInTheDocument();
    for (const w of cloudWords) expect((await screen.findAllByText(w.text, { exact: false })).length).toBeGreaterThan(0);
  });

  it('shows a quiz leaderboard', async () => {
    const quiz = stagePoll('qz', { type: 'quiz', question: 'Hauptstädte', questionCount: 2 }, {
      results: { kind: 'quiz', questions: [] },
      quiz: {
        phase: 'finished', index: 1, questionStartedAt: null, questionEndsAt: null, players: 2, question: null, questionCount: 2,
        leaderboard: [{ rank: 1, nickname: 'Ada', score: 1800, correct: 2 }, { rank: 2, nickname: 'Bo', score: 900, correct: 1 }],
      },
    });
    renderWithEvent(<StageContent />, stageSnap(on({ kind: 'leaderboard', pollId: 'qz' }), { polls: { polls: [quiz] } }));
    const board = await screen.findByRole('region', { name: 'Endstand' });
    expect(within(board).getAllByRole('listitem').map((li) => li.textContent)).toEqual([expect.stringContaining('Ada'), expect.stringContaining('Bo')]);
  });

  it('shows a running round as a countdown, then its 12 long group results in pages', async () => {
    vi.useFakeTimers({ now: Date.parse('2025-01-01T10:00:00.000Z'), toFake: ['Date', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] });
    try {
      const texts = longResults(12, 400);
      const groups = texts.map((result, i) => group(i, [`p${i}`], { name: `Gruppe ${i + 1} ${longText(40, 'mit')}`, result }));
      const running = round('r1', { number: 2, status: 'running', groups, startedAt: '2025-01-01T09:55:00.000Z', endsAt: '2025-01-01T10:05:00.000Z' });
      const { store } = renderWithEvent(<StageContent />, stageSnap(on({ kind: 'round', roundId: 'r1' }), { breakouts: { rounds: [running] } }));
      await act(async () => {
        await vi.advanceTimersByTimeAsync(50);
      });
      expect(screen.getByRole('timer')).toHaveTextContent('5:00');
      expect(screen.getByText(/Runde 2 läuft: 12 Gruppen/)).toBeInTheDocument();

      act(() => store.getState().receiveDelta({ seq: 2, changes: [{ type: 'breakouts:round', round: { ...running, status: 'closed', closedAt: '2025-01-01T10:05:00.000Z' } }] }));
      const results = screen.getByRole('region', { name: /Ergebnisse aus Runde 2/ });
      expect(results).toHaveTextContent('Seite 1 von 4');
      const seen = new Set<string>();
      for (let page = 0; page < 4; page++) {
        for (const h of within(results).getAllByRole('heading', { level: 3 })) seen.add(h.textContent ?? '');
        await act(async () => {
          await vi.advanceTimersByTimeAsync(15_000);
        });
      }
      expect(seen.size).toBe(12);
      expect(results).toHaveTextContent('Seite 1 von 4');
    } finally {
      vi.useRealTimers();
    }
  });

  it('shows a group result of the longest allowed length (10 000 characters) in parts, none of it lost', async () => {
    const result = longText(10_000, 'Ergebnis');
    const closed = round('r2', { number: 4, status: 'closed', closedAt: '2025-01-01T10:05:00.000Z', groups: [group(0, ['p'], { name: 'Rot', result })] });
    renderWithEvent(<StageContent />, stageSnap(on({ kind: 'round', roundId: 'r2' }), { breakouts: { rounds: [closed] } }));
    const results = await screen.findByRole('region', { name: /Ergebnisse aus Runde 4/ });
    const total = Number(/Seite 1 von (\d+)/.exec(results.textContent ?? '')?.[1]);
    expect(total).toBeGreaterThanOrEqual(8);
    expect(within(results).getByRole('heading', { level: 3 })).toHaveTextContent(`Rot (Teil 1 von ${total})`);
    expect(result.startsWith(results.querySelector('.onair-round-text')!.textContent!)).toBe(true);
  });

  it('shows the join screen as an item, and a note for an item no feature renders', async () => {
    const { store } = renderWithEvent(<StageContent />, stageSnap(on({ kind: 'join' })));
    expect(screen.getByText('Stellen Sie Ihre Fragen!')).toBeInTheDocument();
    act(() => store.getState().receiveDelta({ seq: 2, changes: [{ type: 'stage:screen', screen: 'room', state: on({ kind: 'question', questionId: 'gone' }) }] }));
    expect(await screen.findByText('Diese Frage ist nicht mehr sichtbar.')).toBeInTheDocument();
  });

  it('Q toggles the QR code, F asks for full screen (and leaves it); the page sends no command', async () => {
    const { calls } = renderWithEvent(<StageContent />, stageSnap(offAir));
    expect(screen.getByTestId('stage-qr')).toBeInTheDocument();
    fireEvent.keyDown(window, { key: 'q' });
    expect(screen.queryByTestId('stage-qr')).not.toBeInTheDocument();
    fireEvent.keyDown(window, { key: 'Q' });
    expect(screen.getByTestId('stage-qr')).toBeInTheDocument();
    // with a modifier it is the browser's shortcut, not ours
    fireEvent.keyDown(window, { key: 'q', ctrlKey: true });
    expect(screen.getByTestId('stage-qr')).toBeInTheDocument();

    const request = vi.fn(() => Promise.resolve());
    const exit = vi.fn(() => Promise.resolve());
    Object.defineProperty(document.documentElement, 'requestFullscreen', { value: request, configurable: true });
    Object.defineProperty(document, 'exitFullscreen', { value: exit, configurable: true });
    fireEvent.keyDown(window, { key: 'f' });
    expect(request).toHaveBeenCalledTimes(1);
    Object.defineProperty(document, 'fullscreenElement', { value: document.documentElement, configurable: true });
    fireEvent.keyDown(window, { key: 'F' });
    expect(exit).toHaveBeenCalledTimes(1);
    Object.defineProperty(document, 'fullscreenElement', { value: null, configurable: true });
    expect(calls()).toEqual([]);
    expect(screen.queryAllByRole('button')).toEqual([]);
  });

  it('uses the event theme: colours as custom properties and the logo', () => {
    const theme = { background: '#102030', text: '#fafafa', accent: '#ffcc00', logoUrl: '/logo.png' };
    const snap = stageSnap(offAir);
    snap.event.settings.stage.theme = theme;
    const { container } = renderWithEvent(<StageContent />, snap);
    const frame = container.querySelector<HTMLElement>('.stage-room')!;
    expect(frame.style.getPropertyValue('--stage-bg')).toBe('#102030');
    expect(frame.style.getPropertyValue('--stage-text')).toBe('#fafafa');
    expect(frame.style.getPropertyValue('--stage-accent')).toBe('#ffcc00');
    expect(container.querySelector('img.stage-logo')).toHaveAttribute('src', '/logo.png');
  });

  it('has no axe violations with a question on air', async () => {
    const { container } = renderWithEvent(<StageContent />, stageSnap(on({ kind: 'question', questionId: 'q' }), { qa: { questions: [question('q', { text: 'Wann?' })] } }));
    await screen.findByText('Wann?');
    const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
    expect(result.violations.map((v) => v.id)).toEqual([]);
  });
});
