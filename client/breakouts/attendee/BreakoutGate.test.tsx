import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { group, round, snapshot } from '../../testing/fixtures.js';
import { renderWithEvent } from '../../testing/render.js';
import BreakoutGate from './BreakoutGate.js';

describe('BreakoutGate (the breakouts panel of the attendee page as loaded with the page)', () => {
  it('renders nothing and loads nothing while there is no round', () => {
    const { container } = renderWithEvent(<BreakoutGate />, snapshot({ seq: 1 }));
    expect(container.textContent).toBe('');
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('loads the breakout area once a round runs', async () => {
    const r = round('r1', { number: 1, status: 'running', groups: [group(0, [['me', 'Mia'], ['b', 'Ben']], { name: 'Rot' })] });
    renderWithEvent(<BreakoutGate />, snapshot({ seq: 1, breakouts: { rounds: [r] } }));
    expect(await screen.findByRole('heading', { name: /Rot/ }, { timeout: 5000 })).toBeInTheDocument();
  });
});
