import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { OpenEntry } from '../../../shared/polls/schemas.js';
import { loadPollsI18n } from '../testing.js';
import { OpenReview } from './OpenReview.js';

beforeAll(loadPollsI18n);

const e = (id: string, text: string, state: OpenEntry['state'], minute: number): OpenEntry => ({
  id, pollId: 'p', text, name: null, state, createdAt: `2026-11-30T10:0${minute}:00.000Z`,
});

describe('open-text review', () => {
  it('pending first; approve one, or several at once', async () => {
    const user = userEvent.setup();
    const onReview = vi.fn(async () => ({ ok: true as const }));
    render(<OpenReview entries={[e('1', 'Schon da', 'approved', 1), e('2', 'Neu A', 'pending', 2), e('3', 'Neu B', 'pending', 3)]} onReview={onReview} />);
    expect(screen.getByRole('heading', { name: 'Antworten prüfen (2 warten)' })).toBeInTheDocument();
    const items = within(screen.getByRole('list')).getAllByRole('listitem');
    expect(items.map((li) => li.querySelector('.poll-wall-text')?.textContent)).toEqual(['Neu A', 'Neu B', 'Schon da']);
    await user.click(screen.getByRole('button', { name: 'Freigeben: Neu A' }));
    expect(onReview).toHaveBeenLastCalledWith({ entryIds: ['2'], decision: 'approve' });
    await user.click(screen.getByRole('checkbox', { name: 'Auswählen: Neu B' }));
    await user.click(screen.getByRole('checkbox', { name: 'Auswählen: Schon da' }));
    await user.click(screen.getByRole('button', { name: '2 ablehnen' }));
    expect(onReview).toHaveBeenLastCalledWith({ entryIds: ['3', '1'], decision: 'reject' });
    expect(screen.getByRole('button', { name: '0 ablehnen' })).toBeDisabled();
  });

  it('shows a refusal in words', async () => {
    const user = userEvent.setup();
    render(<OpenReview entries={[e('2', 'Neu A', 'pending', 2)]} onReview={async () => ({ ok: false, error: { code: 'forbidden' } })} />);
    await user.click(screen.getByRole('button', { name: 'Ablehnen: Neu A' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Dafür fehlt Ihnen die Berechtigung.');
  });
});
