/** The vote alert on a moderator's question card: badge, explanation, dismiss and discount (docs/security.md). */
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { modQuestion, snapshot } from '../../testing/fixtures.js';
import { renderWithEvent } from '../../testing/render.js';
import i18n from '../../i18n/index.js';
import { ModeratorBoard } from './ModeratorBoard.js';
import { SettingsPanel } from './SettingsPanel.js';

const alert = { newVoters: 37, sharedAddress: 30, since: '2025-01-01T10:02:00.000Z' };
const LONG = 'W'.repeat(300);

const modSnapshot = () =>
  snapshot({
    me: { role: 'moderator', id: 'moderator' },
    qa: {
      questions: [modQuestion('l1', { text: LONG, votes: 40, voteAlert: alert }), modQuestion('l2', { text: 'Ruhige Frage', votes: 3, voteAlert: null })],
    },
  });

const card = (id: string) => document.querySelector(`[data-question-id="${id}"]`) as HTMLElement;

describe('vote alert on the moderator board', () => {
  it('shows a badge and an explanation on the flagged question only, as a labelled group', () => {
    renderWithEvent(<ModeratorBoard exportUrl={null} />, modSnapshot());
    const flagged = card('l1');
    expect(within(flagged).getByText('Auffällige Stimmen')).toHaveClass('badge-vote-alert');
    const group = within(flagged).getByRole('group', { name: 'Auffällige Stimmen: viele neue Teilnehmende in kurzer Zeit' });
    expect(group).toHaveTextContent('37 Stimmen von Teilnehmenden, die höchstens 5 Minuten vor ihrer Stimme beigetreten sind.');
    expect(group).toHaveTextContent('30 davon sind über dieselbe Adresse beigetreten.');
    expect(within(card('l2')).queryByText('Auffällige Stimmen')).not.toBeInTheDocument();
    expect(within(card('l2')).queryByRole('group', { name: /Auffällige Stimmen/ })).not.toBeInTheDocument();
  });

  it('dismiss sends qa:dismissVoteAlert; the alert goes with the delta', async () => {
    const user = userEvent.setup();
    const { calls, store } = renderWithEvent(<ModeratorBoard exportUrl={null} />, modSnapshot());
    await user.click(within(card('l1')).getByRole('button', { name: 'Hinweis verwerfen' }));
    expect(calls()).toEqual([['qa:dismissVoteAlert', { id: 'l1' }]]);
    act(() => store.getState().receiveDelta({ seq: store.getState().synced.seq + 1, changes: [{ type: 'question:voteAlert', id: 'l1', alert: null }] }));
    await waitFor(() => expect(within(card('l1')).queryByText('Auffällige Stimmen')).not.toBeInTheDocument());
  });

  it('discount asks once more, then sends qa:discountVotes and says how many votes were removed', async () => {
    const user = userEvent.setup();
    const { calls, store } = renderWithEvent(<ModeratorBoard exportUrl={null} />, modSnapshot(), {
      reply: (name) => (name === 'qa:discountVotes' ? { ok: true, question: modQuestion('l1', { text: LONG, votes: 3, voteAlert: null }), removed: 37 } : { ok: true }),
    });
    await user.click(within(card('l1')).getByRole('button', { name: 'Diese Stimmen nicht zählen' }));
    expect(calls()).toEqual([]);
    expect(within(card('l1')).getByText('37 Stimmen entfernen? Die Zahl sinkt für alle.')).toBeInTheDocument();
    await user.click(within(card('l1')).getByRole('button', { name: 'Ja, entfernen' }));
    expect(calls()).toEqual([['qa:discountVotes', { id: 'l1' }]]);
    act(() =>
      store.getState().receiveDelta({
        seq: store.getState().synced.seq + 1,
        changes: [{ type: 'question:upsert', question: modQuestion('l1', { text: LONG, votes: 3, voteAlert: null }) }],
      }),
    );
    await waitFor(() => expect(within(card('l1')).getByText('37 Stimmen entfernt.')).toHaveAttribute('role', 'status'));
    expect(within(card('l1')).queryByText('Auffällige Stimmen')).not.toBeInTheDocument();
  });

  it('English', async () => {
    await act(() => i18n.changeLanguage('en'));
    try {
      renderWithEvent(<ModeratorBoard exportUrl={null} />, modSnapshot());
      const group = within(card('l1')).getByRole('group', { name: 'Suspicious votes: many new participants in a short time' });
      expect(group).toHaveTextContent('37 votes from participants who joined at most 5 minutes before voting.');
      expect(within(card('l1')).getByRole('button', { name: 'Discount these votes' })).toBeInTheDocument();
    } finally {
      await act(() => i18n.changeLanguage('de'));
    }
  });
});

describe('vote alert settings', () => {
  it('moderators set the thresholds; out-of-range numbers cannot be saved', async () => {
    const user = userEvent.setup();
    const { calls } = renderWithEvent(<SettingsPanel />, modSnapshot());
    const group = screen.getByRole('group', { name: 'Auffällige Stimmen' });
    const votes = within(group).getByRole('spinbutton', { name: 'Ab so vielen Stimmen neuer Teilnehmender (3–10000)' });
    expect(votes).toHaveValue(25);
    expect(within(group).getByRole('spinbutton', { name: 'innerhalb von Sekunden (5–3600)' })).toHaveValue(60);
    await user.clear(votes);
    await user.type(votes, '2');
    expect(votes).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('button', { name: 'Einstellungen speichern' })).toBeDisabled();
    await user.type(votes, '0');
    await user.click(within(group).getByRole('checkbox', { name: 'Moderation auf viele Stimmen neuer Teilnehmender hinweisen' }));
    await user.click(screen.getByRole('button', { name: 'Einstellungen speichern' }));
    expect(calls()).toEqual([
      ['event:settings', { qa: expect.objectContaining({ voteAlert: false, voteAlertVotes: 20, voteAlertWindowSeconds: 60, voteAlertNewMinutes: 5 }) }],
    ]);
  });
});

