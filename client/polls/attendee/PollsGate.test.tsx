import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { snapshot } from '../../testing/fixtures.js';
import { renderWithEvent } from '../../testing/render.js';
import PollsGate from './PollsGate.js';

describe('PollsGate (the polls panel of the attendee page as loaded with the page)', () => {
  it('renders nothing while the event has no published poll', () => {
    const { container } = renderWithEvent(<PollsGate />, snapshot({ seq: 1 }));
    expect(container.textContent).toBe('');
    expect(screen.queryByRole('progressbar')).toBeNull();
  });
});
