import { act, renderHook, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createSimilarityIndex } from '../../../shared/qa/similarity/index.js';
import { question, snapshot } from '../../testing/fixtures.js';
import { renderWithEvent } from '../../testing/render.js';
import { syncIndex, useSimilarIndex } from '../useSimilarIndex.js';
import { AskForm } from './AskForm.js';

const live = [
  question('rec', { text: 'Wird die Session aufgezeichnet und später geteilt?', votes: 3 }),
  question('price', { text: 'Was kostet die Lizenz für Schulen?' }),
  question('scale', { text: 'Wie skaliert das System bei vielen Nutzern?' }),
  question('done', { text: 'Wird die Session aufgezeichnet?', state: 'answered' }),
];

describe('useSimilarIndex: the matcher loads when it is wanted', () => {
  it('has no index before the attendee types, then one over the texts it is given', async () => {
    const texts = { a: 'Wird die Session aufgezeichnet?', b: 'Was kostet die Lizenz?' };
    const { result, rerender } = renderHook(({ wanted }) => useSimilarIndex(texts, wanted), { initialProps: { wanted: false } });
    await act(() => new Promise((r) => setTimeout(r, 50)));
    expect(result.current).toBeNull();
    rerender({ wanted: true });
    await waitFor(() => expect(result.current).not.toBeNull());
    expect(result.current!.findSimilar('Wird die Session heute aufgezeichnet?', { limit: 1, threshold: 0.5 }).map((m) => m.id)).toEqual(['a']);
  });
});

describe('AskForm: already asked? upvote instead', () => {
  it('offers the similar live question while typing and upvotes it instead of asking', async () => {
    const user = userEvent.setup();
    const { calls } = renderWithEvent(<AskForm />, snapshot({ qa: { questions: live } }));
    expect(screen.queryByText('Schon gefragt? Stattdessen unterstützen')).not.toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: /Ihre Frage/ }), 'Wird die Session später aufgezeichnet?');
    const box = (await screen.findByText('Schon gefragt? Stattdessen unterstützen', {}, { timeout: 2000 })).closest('section')!;
    const items = within(box).getAllByRole('listitem');
    expect(items.length).toBeGreaterThanOrEqual(1);
    expect(items.length).toBeLessThanOrEqual(3);
    expect(items[0]).toHaveTextContent('Wird die Session aufgezeichnet und später geteilt?');
    // Answered questions cannot be upvoted: not offered; unrelated ones neither.
    expect(within(box).queryByText('Was kostet die Lizenz für Schulen?')).not.toBeInTheDocument();
    await user.click(within(items[0]!).getByRole('button'));
    expect(calls()).toEqual([['qa:vote', { id: 'rec', up: true }]]);
  });

  it('shows nothing for an unrelated draft', async () => {
    const user = userEvent.setup();
    renderWithEvent(<AskForm />, snapshot({ qa: { questions: live } }));
    await user.type(screen.getByRole('textbox', { name: /Ihre Frage/ }), 'Gibt es vegetarisches Essen in der Pause?');
    await act(() => new Promise((r) => setTimeout(r, 400)));
    expect(screen.queryByText('Schon gefragt? Stattdessen unterstützen')).not.toBeInTheDocument();
  });

  it('keeps the index incremental and answers fast with 1,000 questions', () => {
    const index = createSimilarityIndex();
    const texts: Record<string, string> = {};
    const topics = ['Aufzeichnung', 'Preis', 'Datenschutz', 'Skalierung', 'Barrierefreiheit', 'Roadmap', 'Schnittstelle', 'Support'];
    for (let i = 0; i < 1000; i++) texts[`q${i}`] = `Frage ${i} zur ${topics[i % topics.length]} im Projekt Nummer ${i * 7}?`;
    let held = syncIndex(index, {}, texts);
    expect(index.size).toBe(1000);
    const { q5: _gone, ...rest } = texts;
    held = syncIndex(index, held, { ...rest, q6: 'Wann kommt die neue Schnittstelle?' });
    expect(index.size).toBe(999);
    expect(index.has('q5')).toBe(false);
    const start = performance.now();
    for (let i = 0; i < 20; i++) index.findSimilar('Wann kommt die neue Schnittstelle heraus?', { limit: 3, threshold: 0.65 });
    const perLookup = (performance.now() - start) / 20;
    expect(index.findSimilar('Wann kommt die neue Schnittstelle heraus?', { limit: 3, threshold: 0.65 })[0]?.id).toBe('q6');
    console.log(`similar lookup with 1,000 questions: ${perLookup.toFixed(2)} ms`);
    expect(perLookup).toBeLessThan(50);
    expect(Object.keys(held)).toHaveLength(999);
  });
});
