/** The stage page shows the poll the moderator presents (the polls feature's stage panel), with axe. */
import { act, screen } from '@testing-library/react';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import type { PublicPoll } from '../../shared/polls/index.js';
import type { Change, Snapshot } from '../../shared/socket.js';
import { snapshot } from '../testing/fixtures.js';
import { renderWithEvent } from '../testing/render.js';
import { StageContent } from './StagePage.js';

const cloud: PublicPoll = {
  id: 'wc', position: 0, status: 'open',
  definition: { type: 'wordcloud', question: 'Ein Wort für heute?', maxWords: 3 },
  settings: { results: 'live', identity: 'anonymous', allowChange: false, timerSec: null },
  openedAt: '2025-01-01T09:59:00.000Z', closesAt: null, closedAt: null,
  responses: 2, results: { kind: 'words', words: [{ text: 'toll', count: 2 }], total: 2 }, quiz: null,
};

function snap(poll: PublicPoll, presentedId: string | null = poll.id): Snapshot {
  return {
    ...snapshot({ seq: 1, me: { role: 'stage', id: 'stage' } }),
    polls: { polls: [poll], presentedId, entries: [], mine: [], myQuizzes: [], present: null },
  };
}

describe('stage: polls', () => {
  it('shows the presented poll in place of the idle screen, and goes back when it leaves the stage', async () => {
    const { store } = renderWithEvent(<StageContent code="123456" />, snap(cloud));
    expect(await screen.findByRole('heading', { name: 'Ein Wort für heute?' })).toBeInTheDocument();
    expect(screen.getAllByText('toll').length).toBeGreaterThan(0);
    act(() => store.getState().receiveDelta({ seq: 2, changes: [{ type: 'polls:presented', id: null }] as Change[] }));
    expect(screen.queryByRole('heading', { name: 'Ein Wort für heute?' })).not.toBeInTheDocument();
  });

  it('a poll that is not presented stays off the stage', () => {
    renderWithEvent(<StageContent code="123456" />, snap(cloud, null));
    expect(screen.queryByRole('heading', { name: 'Ein Wort für heute?' })).not.toBeInTheDocument();
  });

  it('results the server does not send (null) show the "later" note', async () => {
    renderWithEvent(<StageContent code="123456" />, snap({ ...cloud, results: null }));
    expect(await screen.findByText('Die Ergebnisse werden später gezeigt.')).toBeInTheDocument();
  });

  it('axe finds nothing on the stage poll result', async () => {
    const { container } = renderWithEvent(<StageContent code="123456" />, snap(cloud));
    await screen.findByRole('heading', { name: 'Ein Wort für heute?' });
    const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
    expect(result.violations.map((v) => v.id)).toEqual([]);
  });
});
