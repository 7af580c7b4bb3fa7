import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { group, question, round, snapshot } from '../testing/fixtures.js';
import { renderWithEvent } from '../testing/render.js';
import { StageContent } from './StagePage.js';

const closed = (over: Parameters<typeof round>[1] = {}) =>
  round('r1', {
    number: 2,
    status: 'closed',
    closedAt: '2025-01-01T10:20:00.000Z',
    groups: [group(0, ['a'], { name: 'Rot', result: 'Mehr Radwege\nWeniger Autos' }), group(1, ['b'], { name: 'Blau', topic: 'Schule' })],
    ...over,
  });

describe('stage', () => {
  it('shows every group result of a round in place of the question while the facilitator shows them', () => {
    const { store } = renderWithEvent(
      <StageContent code="123456" />,
      snapshot({ seq: 1, me: { role: 'stage', id: 'stage' }, qa: { questions: [question('q', { text: 'Wann?' })], highlightedId: 'q' }, breakouts: { rounds: [closed()] } }),
    );
    expect(screen.getByText('Wann?')).toBeInTheDocument();
    expect(screen.queryByText('Rot')).not.toBeInTheDocument();

    act(() => store.getState().receiveDelta({ seq: 2, changes: [{ type: 'breakouts:round', round: closed({ showResults: true }) }] }));
    const results = screen.getByRole('region', { name: 'Ergebnisse aus Runde 2' });
    const items = within(results).getAllByRole('listitem');
    expect(items.map((li) => li.querySelector('h3')?.textContent)).toEqual(['Rot', 'Blau']);
    expect(within(items[0]!).getByText(/Mehr Radwege/)).toHaveTextContent('Mehr Radwege Weniger Autos');
    expect(within(items[1]!).getByText('Schule')).toBeInTheDocument();
    expect(within(items[1]!).getByText('(kein Ergebnis eingetragen)')).toBeInTheDocument();
    expect(screen.queryByText('Wann?')).not.toBeInTheDocument();

    act(() => store.getState().receiveDelta({ seq: 3, changes: [{ type: 'breakouts:round', round: closed({ showResults: false }) }] }));
    expect(screen.getByText('Wann?')).toBeInTheDocument();
  });
});
