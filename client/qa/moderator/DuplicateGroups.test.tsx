import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { modQuestion, snapshot } from '../../testing/fixtures.js';
import { renderWithEvent } from '../../testing/render.js';
import { ModeratorBoard } from './ModeratorBoard.js';

const snap = () =>
  snapshot({
    me: { role: 'moderator', id: 'moderator' },
    qa: {
      questions: [
        modQuestion('live', { text: 'Wird die Session aufgezeichnet?', votes: 5, createdAt: '2025-01-01T10:00:00.000Z' }),
        modQuestion('yt', {
          text: 'Wird diese Session aufgezeichnet?',
          state: 'pending',
          source: 'youtube',
          authorName: 'Anna aus Köln',
          createdAt: '2025-01-01T10:02:00.000Z',
        }),
        modQuestion('other', { text: 'Was kostet die Lizenz für Schulen?', createdAt: '2025-01-01T10:03:00.000Z' }),
        modQuestion('zoom', { text: 'Gibt es ein Handout?', state: 'pending', source: 'api', sourceLabel: 'Zoom' }),
      ],
      pendingCount: 2,
    },
  });

describe('likely duplicates and merge', () => {
  it('groups a YouTube question with the live one and merges it into the live one', async () => {
    const user = userEvent.setup();
    const { calls } = renderWithEvent(<ModeratorBoard exportUrl={null} />, snap());
    const groups = screen.getByRole('list', { name: 'Mögliche Duplikate' });
    const items = within(groups).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('Bleibt Wird die Session aufgezeichnet?');
    expect(within(groups).queryByText(/Lizenz/)).not.toBeInTheDocument();
    await user.click(within(groups).getByRole('button', { name: '„Wird diese Session aufgezeichnet?“ mit „Wird die Session aufgezeichnet?“ zusammenführen' }));
    expect(calls()).toEqual([['qa:merge', { keepId: 'live', mergeId: 'yt' }]]);
  });

  it('shows the source of imported questions as a badge', () => {
    renderWithEvent(<ModeratorBoard exportUrl={null} />, snap());
    const incoming = screen.getByRole('list', { name: 'Eingang' });
    expect(within(incoming).getByText('YouTube')).toBeInTheDocument();
    expect(within(incoming).getByText('Import · Zoom')).toBeInTheDocument();
  });

  it('says so when there are no duplicates', () => {
    renderWithEvent(<ModeratorBoard exportUrl={null} />, snapshot({ me: { role: 'moderator', id: 'm' }, qa: { questions: [modQuestion('a')] } }));
    expect(screen.getByText('Keine ähnlichen Fragen gefunden.')).toBeInTheDocument();
  });
});
