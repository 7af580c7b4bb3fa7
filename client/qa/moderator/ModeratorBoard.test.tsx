import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { modQuestion, snapshot } from '../../testing/fixtures.js';
import { renderWithEvent } from '../../testing/render.js';
import { ModeratorBoard } from './ModeratorBoard.js';

const modSnapshot = (qa: NonNullable<Parameters<typeof snapshot>[0]>['qa'] = {}) =>
  snapshot({
    me: { role: 'moderator', id: 'moderator' },
    qa: {
      questions: [
        modQuestion('p1', { text: 'Pending one', state: 'pending', flaggedWords: ['idiot'], createdAt: '2025-01-01T10:00:00.000Z' }),
        modQuestion('p2', { text: 'Pending two', state: 'pending', createdAt: '2025-01-01T10:01:00.000Z' }),
        modQuestion('l1', { text: 'Live one', votes: 4 }),
        modQuestion('l2', { text: 'Live two', votes: 2 }),
        modQuestion('d1', { text: 'Done one', state: 'answered' }),
      ],
      pendingCount: 2,
      ...qa,
    },
  });

const item = (text: string) => screen.getByText(text).closest('li')!;

describe('moderator queue', () => {
  it('lists incoming questions oldest first and shows why they wait', () => {
    renderWithEvent(<ModeratorBoard exportUrl={null} />, modSnapshot());
    const incoming = screen.getByRole('list', { name: 'Eingang' });
    const texts = within(incoming)
      .getAllByRole('listitem')
      .map((li) => li.querySelector('.q-text')?.textContent);
    expect(texts).toEqual(['Pending one', 'Pending two']);
    expect(within(item('Pending one')).getByText('Markiert wegen: idiot')).toBeInTheDocument();
    expect(within(item('Pending two')).getByText('Wartet wegen Vorab-Moderation')).toBeInTheDocument();
  });

  it('approves and rejects with the right commands', async () => {
    const user = userEvent.setup();
    const { calls } = renderWithEvent(<ModeratorBoard exportUrl={null} />, modSnapshot());
    await user.click(within(item('Pending one')).getByRole('button', { name: 'Freigeben' }));
    await user.click(within(item('Pending two')).getByRole('button', { name: 'Ablehnen' }));
    expect(calls()).toEqual([
      ['qa:approve', { id: 'p1' }],
      ['qa:reject', { id: 'p2' }],
    ]);
  });

  it('edits, then approves with the corrected text', async () => {
    const user = userEvent.setup();
    const { calls } = renderWithEvent(<ModeratorBoard exportUrl={null} />, modSnapshot());
    await user.click(within(item('Pending one')).getByRole('button', { name: 'Vor Freigabe bearbeiten' }));
    const field = screen.getByRole('textbox', { name: 'Fragetext' });
    expect(field).toHaveValue('Pending one');
    await user.clear(field);
    await user.type(field, 'Pending one, politely');
    await user.click(screen.getByRole('button', { name: 'Speichern und freigeben' }));
    expect(calls()).toEqual([['qa:approve', { id: 'p1', text: 'Pending one, politely' }]]);
    await waitFor(() => expect(screen.queryByRole('textbox', { name: 'Fragetext' })).not.toBeInTheDocument());
  });

  it('shows the busy state until the ack and the error it carries', async () => {
    const user = userEvent.setup();
    const { pending } = renderWithEvent(<ModeratorBoard exportUrl={null} />, modSnapshot(), { manual: true });
    const approve = within(item('Pending one')).getByRole('button', { name: 'Freigeben' });
    await user.click(approve);
    expect(approve).toHaveAttribute('aria-busy', 'true');
    pending[0]!.resolve({ ok: false, error: { code: 'invalid_state', message: 'already live' } });
    await waitFor(() => expect(approve).not.toHaveAttribute('aria-busy'));
    expect(within(item('Pending one')).getByRole('alert')).toHaveTextContent('Das geht in diesem Zustand nicht (mehr).');
  });

  it('bulk-approves the selected questions and clears the selection', async () => {
    const user = userEvent.setup();
    const { calls } = renderWithEvent(<ModeratorBoard exportUrl={null} />, modSnapshot(), {
      reply: (name, payload) => (name === 'qa:bulk' ? { ok: true, changed: (payload as { ids: string[] }).ids, skipped: [] } : { ok: true }),
    });
    await user.click(screen.getByRole('checkbox', { name: 'Auswählen: Pending one' }));
    await user.click(screen.getByRole('checkbox', { name: 'Auswählen: Pending two' }));
    expect(screen.getByText('2 Fragen ausgewählt')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Auswahl freigeben' }));
    expect(calls()).toEqual([['qa:bulk', { ids: ['p1', 'p2'], action: 'approve' }]]);
    expect(await screen.findByText('2 Fragen geändert.')).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Auswählen: Pending one' })).not.toBeChecked();
  });

  it('selects all incoming at once and can mark the selection answered', async () => {
    const user = userEvent.setup();
    const { calls } = renderWithEvent(<ModeratorBoard exportUrl={null} />, modSnapshot(), {
      reply: () => ({ ok: true, changed: [], skipped: ['p1', 'p2', 'l1'] }),
    });
    await user.click(screen.getByRole('checkbox', { name: 'Alle im Eingang auswählen' }));
    await user.click(screen.getByRole('checkbox', { name: 'Auswählen: Live one' }));
    await user.click(screen.getByRole('button', { name: 'Auswahl als beantwortet markieren' }));
    expect(calls()).toEqual([['qa:bulk', { ids: ['p1', 'p2', 'l1'], action: 'answer' }]]);
    expect(await screen.findByText(/3 übersprungen/)).toBeInTheDocument();
  });

  it('puts a live question on stage, queues it and marks it answered', async () => {
    const user = userEvent.setup();
    const { calls } = renderWithEvent(<ModeratorBoard exportUrl={null} />, modSnapshot({ queue: ['l2'] }));
    const live = item('Live one');
    await user.click(within(live).getByRole('button', { name: 'Auf die Bühne' }));
    await user.click(within(live).getByRole('button', { name: 'In die Warteschlange' }));
    await user.click(within(live).getByRole('button', { name: 'Als beantwortet markieren' }));
    expect(calls()).toEqual([
      ['qa:highlight', { id: 'l1' }],
      ['qa:queue', { ids: ['l2', 'l1'] }],
      ['qa:answer', { id: 'l1' }],
    ]);
  });

  it('reorders the speaker queue with buttons', async () => {
    const user = userEvent.setup();
    const { calls } = renderWithEvent(<ModeratorBoard exportUrl={null} />, modSnapshot({ queue: ['l1', 'l2'] }));
    const queue = screen.getByRole('region', { name: 'Warteschlange für die Bühne' });
    const first = within(queue).getAllByRole('listitem')[0]!;
    expect(within(first).getByRole('button', { name: 'Nach oben' })).toBeDisabled();
    await user.click(within(first).getByRole('button', { name: 'Nach unten' }));
    expect(calls()).toEqual([['qa:queue', { ids: ['l2', 'l1'] }]]);
  });

  it('filters by state and searches', async () => {
    const user = userEvent.setup();
    renderWithEvent(<ModeratorBoard exportUrl={null} />, modSnapshot());
    const list = () => screen.getByRole('list', { name: 'Fragen' });
    expect(within(list()).queryByText('Done one')).not.toBeInTheDocument();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'answered');
    expect(within(list()).getByText('Done one')).toBeInTheDocument();
    expect(within(list()).getByRole('button', { name: 'Wiederherstellen' })).toBeInTheDocument();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'live');
    await user.type(screen.getByRole('searchbox', { name: 'Suchen' }), 'two');
    expect(within(list()).getAllByRole('listitem')).toHaveLength(1);
    expect(within(list()).getByText('Live two')).toBeInTheDocument();
  });

  it('saves Q&A settings with the blocked words as a list', async () => {
    const user = userEvent.setup();
    const { calls } = renderWithEvent(<ModeratorBoard exportUrl={null} />, modSnapshot());
    await user.click(screen.getByRole('checkbox', { name: 'Vorab-Moderation: neue Fragen erst nach Freigabe zeigen' }));
    const words = screen.getByRole('textbox', { name: 'Gesperrte Wörter' });
    await user.clear(words);
    await user.type(words, 'spam{enter}scam{enter}spam');
    await user.click(screen.getByRole('button', { name: 'Einstellungen speichern' }));
    expect(calls()).toEqual([
      [
        'event:settings',
        {
          qa: {
            open: true, premoderation: true, anonymousAllowed: true, maxQuestionLength: 300, blockedWords: ['spam', 'scam'],
            voteAlert: true, voteAlertVotes: 25, voteAlertWindowSeconds: 60, voteAlertNewMinutes: 5,
          },
        },
      ],
    ]);
  });
});
