import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { modQuestion, question, snapshot } from '../testing/fixtures.js';
import { renderWithEvent } from '../testing/render.js';
import { QuestionBoard } from './attendee/QuestionBoard.js';
import { ModeratorBoard } from './moderator/ModeratorBoard.js';
import { applyAnsweredPage, emptyQa, qaFromSnapshot } from './slice.js';

const answered = (id: string, minute: number, over = {}) =>
  question(id, { state: 'answered', text: `Answered ${id}`, answeredAt: `2025-01-01T11:${String(minute).padStart(2, '0')}:00.000Z`, ...over });

describe('older answered questions (the snapshot holds the newest 50)', () => {
  it('attendee: the button says how many more, shows a loading state, and the page joins the list', async () => {
    const user = userEvent.setup();
    const snap = snapshot({ seq: 1, qa: { questions: [question('live1'), answered('n1', 50), answered('n2', 40)], answeredOlder: 51 } });
    const { pending, store } = renderWithEvent(<QuestionBoard />, snap, { manual: true });
    // The tab counts the answered questions not loaded yet.
    await user.click(screen.getByRole('button', { name: 'Beantwortet (53)' }));
    const button = screen.getByRole('button', { name: 'Ältere beantwortete Fragen laden (51 weitere)' });
    await user.click(button);
    expect(pending).toHaveLength(1);
    expect(pending[0]!.name).toBe('qa:answeredPage');
    expect(pending[0]!.payload).toEqual({ before: { at: '2025-01-01T11:40:00.000Z', id: 'n2' } });
    expect(screen.getByRole('button', { name: 'Ältere beantwortete Fragen werden geladen …' })).toHaveAttribute('aria-busy', 'true');
    await act(async () => pending[0]!.resolve({ ok: true, questions: [answered('o1', 30), answered('o2', 20)], older: 49, myVotes: ['o2'] }));
    const list = screen.getByRole('list', { name: 'Beantwortete Fragen' });
    expect(within(list).getByText('Answered o1')).toBeInTheDocument();
    expect(store.getState().synced.qa.myVotes).toMatchObject({ o2: true });
    expect(screen.getByRole('button', { name: 'Ältere beantwortete Fragen laden (49 weitere)' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /Ältere beantwortete Fragen laden/ }));
    expect(pending[1]!.payload).toEqual({ before: { at: '2025-01-01T11:20:00.000Z', id: 'o2' } });
    await act(async () => pending[1]!.resolve({ ok: true, questions: [answered('o3', 10)], older: 0, myVotes: [] }));
    expect(screen.queryByRole('button', { name: /Ältere beantwortete Fragen/ })).toBeNull();
  });

  it('moderator: the same button under the answered filter; the filter counts the older ones', async () => {
    const user = userEvent.setup();
    const snap = snapshot({
      me: { role: 'moderator', id: 'moderator', name: null },
      qa: { questions: [modQuestion('m1', { state: 'answered', answeredAt: '2025-01-01T11:00:00.000Z' })], answeredOlder: 1 },
    });
    const { calls } = renderWithEvent(<ModeratorBoard exportUrl={null} />, snap, {
      reply: () => ({ ok: true, questions: [modQuestion('m0', { state: 'answered', text: 'The oldest one', answeredAt: '2025-01-01T09:00:00.000Z' })], older: 0, myVotes: [] }),
    });
    expect(screen.getByRole('option', { name: 'Archiv – beantwortet (2)' })).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('Status'), 'answered');
    await user.click(screen.getByRole('button', { name: 'Ältere beantwortete Fragen laden (1 weitere)' }));
    expect(calls()).toEqual([['qa:answeredPage', { before: { at: '2025-01-01T11:00:00.000Z', id: 'm1' } }]]);
    expect(screen.getByText('The oldest one')).toBeInTheDocument();
  });

  it('drops a page asked for before the cursor moved (a new snapshot meanwhile); keeps newer copies from deltas', () => {
    const qa = qaFromSnapshot(snapshot({ qa: { questions: [answered('a', 30)], answeredOlder: 2 } }).qa);
    const stale = applyAnsweredPage(qa, { questions: [answered('x', 1)], older: 0, myVotes: [] }, { at: '2025-01-01T11:59:00.000Z', id: 'zz' });
    expect(stale).toBe(qa);
    const withNewer = { ...qa, questions: { ...qa.questions, b: answered('b', 20, { text: 'edited since' }) } };
    const next = applyAnsweredPage(withNewer, { questions: [answered('b', 20), answered('c', 10)], older: 0, myVotes: [] }, qa.answeredCursor!);
    expect(next.questions.b!.text).toBe('edited since');
    expect(Object.keys(next.questions).sort()).toEqual(['a', 'b', 'c']);
    expect(next.answeredOlder).toBe(0);
    expect(applyAnsweredPage(emptyQa, { questions: [], older: 0, myVotes: [] }, qa.answeredCursor!)).toBe(emptyQa);
  });
});
