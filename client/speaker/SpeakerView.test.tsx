/** The speaker view: picked questions in order, "done" only where allowed, pending and error states, axe. */
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { EventSettings } from '../../shared/events/schemas.js';
import { question, snapshot } from '../testing/fixtures.js';
import { renderWithEvent } from '../testing/render.js';
import { SpeakerContent } from './SpeakerPage.js';
import { SpeakerView } from './SpeakerView.js';

const LONGEST = `${'Wie stellen wir sicher, dass die Rückmeldungen aus allen Standorten gleich gewichtet werden? '.repeat(22)}`.slice(0, 1999) + '?';
const LONGEST_NAME = 'Maximiliane Alexandra von Hohenzollern-Sigmaringen-Weißenburg-Ostfriesland'.padEnd(80, 'x');

function snap(opts: { mayAnswer?: boolean; role?: 'speaker' | 'organizer'; highlightedId?: string | null; queue?: string[] } = {}) {
  const settings = EventSettings.parse({ stage: { speakerMayAnswer: opts.mayAnswer ?? true } });
  return snapshot({
    me: { role: opts.role ?? 'speaker', id: 'speaker' },
    event: { settings },
    qa: {
      questions: [
        question('q1', { text: 'Wann kommt das neue Büro?', authorName: 'Rolf', votes: 12 }),
        question('q2', { text: 'Gibt es Homeoffice-Tage?', votes: 3 }),
        question('q3', { text: LONGEST, authorName: LONGEST_NAME, votes: 999 }),
      ],
      highlightedId: opts.highlightedId === undefined ? 'q1' : opts.highlightedId,
      queue: opts.queue ?? ['q2', 'q1', 'q3'],
    },
  });
}

describe('SpeakerView', () => {
  it('shows the highlighted question as "now" and the queue in order below', () => {
    renderWithEvent(<SpeakerView />, snap());
    const now = screen.getByRole('region', { name: 'Jetzt' });
    expect(within(now).getByText('Wann kommt das neue Büro?')).toBeInTheDocument();
    expect(within(now).getByText('Rolf')).toBeInTheDocument();
    const next = screen.getByRole('region', { name: /Als Nächstes/ });
    const items = within(next).getAllByRole('listitem');
    expect(items.map((li) => li.querySelector('.speaker-list-text')?.textContent)).toEqual(['Gibt es Homeoffice-Tage?', LONGEST]);
    expect(within(items[0]!).getByText('anonym', { exact: false })).toBeInTheDocument();
  });

  it('without a highlight, the question on air on the room screen is "now"; it follows the screen live', () => {
    const base = snap({ highlightedId: null, queue: ['q1'] });
    const { store } = renderWithEvent(<SpeakerView />, { ...base, stage: { ...base.stage, room: { item: { kind: 'question', questionId: 'q2' }, since: base.serverTime, autoHideS: null, by: 'moderator' } } });
    expect(within(screen.getByRole('region', { name: 'Jetzt' })).getByText('Gibt es Homeoffice-Tage?')).toBeInTheDocument();
    act(() =>
      store.getState().receiveDelta({ seq: 1, changes: [{ type: 'stage:screen', screen: 'room', state: { item: { kind: 'join' }, since: base.serverTime, autoHideS: null, by: 'moderator' } }] }),
    );
    expect(screen.getByText(/Noch keine Frage ausgewählt/)).toBeInTheDocument();
  });

  it('nothing picked: says so, no button', () => {
    renderWithEvent(<SpeakerView />, snap({ highlightedId: null, queue: [] }));
    expect(screen.getByText(/Noch keine Frage ausgewählt/)).toBeInTheDocument();
    expect(screen.getByText('Sonst ist keine Frage ausgewählt.')).toBeInTheDocument();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('"done" is there only when the event allows it and only for the speaker link', () => {
    const { unmount } = renderWithEvent(<SpeakerView />, snap({ mayAnswer: false }));
    expect(screen.queryByRole('button', { name: /Erledigt/ })).toBeNull();
    unmount();
    const second = renderWithEvent(<SpeakerView />, snap({ role: 'organizer' }));
    expect(screen.queryByRole('button', { name: /Erledigt/ })).toBeNull();
    second.unmount();
    renderWithEvent(<SpeakerView />, snap());
    expect(screen.getByRole('button', { name: 'Erledigt – als beantwortet markieren' })).toBeInTheDocument();
  });

  it('sends stage:speakerDone for the current question, shows progress while it waits, then confirms', async () => {
    const user = userEvent.setup();
    const { pending, calls } = renderWithEvent(<SpeakerView />, snap(), { manual: true });
    await user.click(screen.getByRole('button', { name: /Erledigt/ }));
    expect(calls()).toEqual([['stage:speakerDone', { questionId: 'q1' }]]);
    expect(screen.getByRole('button', { name: /Erledigt/ })).toHaveAttribute('aria-busy', 'true');
    expect(screen.getByRole('progressbar', { name: 'Wird als beantwortet markiert…' })).toBeInTheDocument();
    // A second tap while waiting sends nothing.
    await user.click(screen.getByRole('button', { name: /Erledigt/ }));
    expect(calls()).toHaveLength(1);
    await act(async () => pending[0]!.resolve({ ok: true, questionId: 'q1' }));
    expect(screen.getByText('Als beantwortet markiert.')).toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('the confirmation stays while the answered question leaves "now", and goes when another one is "now"', async () => {
    const user = userEvent.setup();
    const { store } = renderWithEvent(<SpeakerView />, snap(), { reply: () => ({ ok: true, questionId: 'q1' }) });
    await user.click(screen.getByRole('button', { name: /Erledigt/ }));
    act(() => store.getState().receiveDelta({ seq: 1, changes: [{ type: 'qa:highlight', id: null }] }));
    expect(screen.getByText('Als beantwortet markiert.')).toBeInTheDocument();
    act(() => store.getState().receiveDelta({ seq: 2, changes: [{ type: 'qa:highlight', id: 'q2' }] }));
    expect(screen.queryByText('Als beantwortet markiert.')).toBeNull();
  });

  it('shows the server’s refusal (e.g. the organizer just switched it off) and keeps the question', async () => {
    const user = userEvent.setup();
    renderWithEvent(<SpeakerView />, snap(), { reply: () => ({ ok: false, error: { code: 'speaker_answer_disabled', message: 'no' } }) });
    await user.click(screen.getByRole('button', { name: /Erledigt/ }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Die Veranstaltung erlaubt Sprecherinnen und Sprechern nicht, Fragen als beantwortet zu markieren.');
    expect(screen.getByText('Wann kommt das neue Büro?')).toBeInTheDocument();
  });

  it('follows live changes: a new highlight becomes "now", an answered one shows as answered without the button', async () => {
    const { store } = renderWithEvent(<SpeakerView />, snap());
    act(() => store.getState().receiveDelta({ seq: 1, changes: [{ type: 'qa:highlight', id: 'q2' }] }));
    expect(within(screen.getByRole('region', { name: 'Jetzt' })).getByText('Gibt es Homeoffice-Tage?')).toBeInTheDocument();
    act(() => store.getState().receiveDelta({ seq: 2, changes: [{ type: 'question:upsert', question: question('q2', { text: 'Gibt es Homeoffice-Tage?', state: 'answered', votes: 3 }) }] }));
    expect(within(screen.getByRole('region', { name: 'Jetzt' })).getByText('beantwortet')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Erledigt/ })).toBeNull();
  });

  it('the longest question and name as "now" get the smaller type and wrap', () => {
    renderWithEvent(<SpeakerView />, snap({ highlightedId: 'q3' }));
    const text = screen.getByText(LONGEST);
    expect(LONGEST).toHaveLength(2000);
    expect(text).toHaveClass('speaker-current-text', 'is-long');
    expect(screen.getAllByText(LONGEST_NAME).length).toBeGreaterThan(0);
  });

  it('axe finds nothing on the page with the longest question (de, and the page shell)', async () => {
    const { container } = renderWithEvent(<SpeakerContent />, snap({ highlightedId: 'q3' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Town Hall' })).toBeInTheDocument();
    const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(result.violations.map((v) => v.id)).toEqual([]);
  });
});
