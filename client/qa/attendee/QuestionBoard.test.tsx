import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { question, snapshot } from '../../testing/fixtures.js';
import { renderWithEvent } from '../../testing/render.js';
import { QuestionBoard } from './QuestionBoard.js';

const three = [
  question('a', { text: 'Alpha question', votes: 1, createdAt: '2025-01-01T10:00:00.000Z' }),
  question('b', { text: 'Bravo question', votes: 5, createdAt: '2025-01-01T10:01:00.000Z' }),
  question('c', { text: 'Charlie question', votes: 3, createdAt: '2025-01-01T10:02:00.000Z' }),
];

function listTexts(): string[] {
  const list = screen.getByRole('list', { name: 'Offene Fragen' });
  return within(list)
    .getAllByRole('listitem')
    .map((li) => li.querySelector('.q-text')?.textContent ?? '');
}

describe('attendee question list', () => {
  it('sorts by votes (popular) and by time (recent)', async () => {
    const user = userEvent.setup();
    renderWithEvent(<QuestionBoard />, snapshot({ qa: { questions: three } }));
    expect(screen.getByRole('button', { name: 'Beliebt' })).toHaveAttribute('aria-pressed', 'true');
    expect(listTexts()).toEqual(['Bravo question', 'Charlie question', 'Alpha question']);

    await user.click(screen.getByRole('button', { name: 'Neueste' }));
    expect(screen.getByRole('button', { name: 'Neueste' })).toHaveAttribute('aria-pressed', 'true');
    expect(listTexts()).toEqual(['Charlie question', 'Bravo question', 'Alpha question']);
  });

  it('re-sorts when coalesced vote counts arrive', () => {
    const { store } = renderWithEvent(<QuestionBoard />, snapshot({ seq: 1, qa: { questions: three } }));
    act(() => store.getState().receiveDelta({ seq: 2, changes: [{ type: 'question:votes', counts: { a: 9 } }] }));
    expect(listTexts()[0]).toBe('Alpha question');
  });

  it('toggles an upvote through the command and reflects it in aria-pressed', async () => {
    const user = userEvent.setup();
    const { calls } = renderWithEvent(<QuestionBoard />, snapshot({ qa: { questions: three } }), {
      reply: (name, payload) => {
        const p = payload as { id: string; up: boolean };
        return name === 'qa:vote' ? { ok: true, id: p.id, voted: p.up } : { ok: true };
      },
    });
    const alpha = screen.getByText('Alpha question').closest('li')!;
    const vote = within(alpha).getByRole('button', { name: /^Unterstützen/ });
    expect(vote).toHaveAttribute('aria-pressed', 'false');
    expect(vote).toHaveAccessibleName('Unterstützen, 1 Stimme');

    await user.click(vote);
    expect(calls()).toEqual([['qa:vote', { id: 'a', up: true }]]);
    expect(within(alpha).getByRole('button', { name: /^Unterstützen/ })).toHaveAttribute('aria-pressed', 'true');

    await user.click(within(alpha).getByRole('button', { name: /^Unterstützen/ }));
    expect(calls()[1]).toEqual(['qa:vote', { id: 'a', up: false }]);
    expect(within(alpha).getByRole('button', { name: /^Unterstützen/ })).toHaveAttribute('aria-pressed', 'false');
  });

  it('shows a refused vote as an error and keeps the button unpressed', async () => {
    const user = userEvent.setup();
    renderWithEvent(<QuestionBoard />, snapshot({ qa: { questions: three } }), {
      reply: () => ({ ok: false, error: { code: 'rate_limited', message: 'slow down', retryAfterMs: 4200 } }),
    });
    const alpha = screen.getByText('Alpha question').closest('li')!;
    await user.click(within(alpha).getByRole('button', { name: /^Unterstützen/ }));
    expect(within(alpha).getByRole('alert')).toHaveTextContent('Zu viele Stimmen – bitte in 5 s erneut versuchen.');
    expect(within(alpha).getByRole('button', { name: /^Unterstützen/ })).toHaveAttribute('aria-pressed', 'false');
  });

  it('marks own questions, own pending ones as awaiting review and own rejected ones as declined', () => {
    renderWithEvent(
      <QuestionBoard />,
      snapshot({
        qa: {
          questions: [...three, question('mine', { text: 'My live question' })],
          own: [
            question('mine', { text: 'My live question' }),
            question('wait', { text: 'My waiting question', state: 'pending' }),
            question('no', { text: 'My declined question', state: 'rejected' }),
          ],
          pendingCount: 2,
        },
      }),
    );
    const review = screen.getByRole('region', { name: 'Ihre eingereichten Fragen' });
    const waiting = within(review).getByText('My waiting question').closest('li')!;
    expect(within(waiting).getByText('Wartet auf Freigabe')).toBeInTheDocument();
    expect(within(waiting).getByRole('button', { name: 'Löschen' })).toBeInTheDocument();
    const declined = within(review).getByText('My declined question').closest('li')!;
    expect(within(declined).getByText('Nicht freigegeben')).toBeInTheDocument();
    expect(within(declined).queryByRole('button', { name: 'Bearbeiten' })).not.toBeInTheDocument();
    // Deleting stays possible after a moderator dealt with it (docs/privacy.md).
    expect(within(declined).getByRole('button', { name: 'Löschen' })).toBeInTheDocument();

    const live = screen.getByText('My live question').closest('li')!;
    expect(within(live).getByText('Ihre Frage')).toBeInTheDocument();
    expect(within(live).getByRole('button', { name: 'Bearbeiten' })).toBeInTheDocument();
    const alpha = screen.getByText('Alpha question').closest('li')!;
    expect(within(alpha).queryByText('Ihre Frage')).not.toBeInTheDocument();

    expect(screen.getByText('2 Fragen warten auf Freigabe')).toBeInTheDocument();
  });

  it('pins the highlighted question on top and out of the list', () => {
    renderWithEvent(<QuestionBoard />, snapshot({ qa: { questions: three, highlightedId: 'a' } }));
    const stage = screen.getByRole('region', { name: 'Jetzt auf der Bühne' });
    expect(within(stage).getByText('Alpha question')).toBeInTheDocument();
    expect(listTexts()).toEqual(['Bravo question', 'Charlie question']);
    // the pinned block comes before the list in reading order
    const list = screen.getByRole('list', { name: 'Offene Fragen' });
    expect(stage.compareDocumentPosition(list) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('shows answered questions with their replies in their own tab, without voting', async () => {
    const user = userEvent.setup();
    renderWithEvent(
      <QuestionBoard />,
      snapshot({ qa: { questions: [...three, question('d', { text: 'Done question', state: 'answered', reply: 'Yes, next week.' })] } }),
    );
    expect(screen.queryByText('Done question')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Beantwortet (1)' }));
    const done = screen.getByText('Done question').closest('li')!;
    expect(within(done).getByText('Yes, next week.')).toBeInTheDocument();
    expect(within(done).getByText('Antwort der Moderation')).toBeInTheDocument();
    expect(within(done).queryByRole('button', { name: /^Unterstützen/ })).not.toBeInTheDocument();
  });

  it('an answered own question can be deleted (not edited)', async () => {
    const user = userEvent.setup();
    const { calls } = renderWithEvent(
      <QuestionBoard />,
      snapshot({ qa: { questions: [question('d', { text: 'My answered question', state: 'answered' })], own: [question('d', { text: 'My answered question', state: 'answered' })] } }),
    );
    await user.click(screen.getByRole('button', { name: 'Beantwortet (1)' }));
    const done = screen.getByText('My answered question').closest('li')!;
    expect(within(done).queryByRole('button', { name: 'Bearbeiten' })).not.toBeInTheDocument();
    await user.click(within(done).getByRole('button', { name: 'Löschen' }));
    expect(screen.getByText('Frage löschen? Text und Name werden sofort gelöscht, auch bei der Moderation.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Ja, löschen' }));
    expect(calls()).toEqual([['qa:withdraw', { id: 'd' }]]);
  });

  it('withdraws an own question after confirming', async () => {
    const user = userEvent.setup();
    const { calls } = renderWithEvent(
      <QuestionBoard />,
      snapshot({ qa: { own: [question('wait', { text: 'My waiting question', state: 'pending' })] } }),
    );
    await user.click(screen.getByRole('button', { name: 'Löschen' }));
    expect(calls()).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Ja, löschen' }));
    expect(calls()).toEqual([['qa:withdraw', { id: 'wait' }]]);
    expect(screen.queryByText('My waiting question')).not.toBeInTheDocument();
  });
});
