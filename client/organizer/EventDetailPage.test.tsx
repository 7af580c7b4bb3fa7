/** The event page (in English: the browser's language on organizer pages): every role link (speaker included) with copy and renew, the overlay address, the three settings cards. */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EventDetails } from '../../shared/api.js';
import { EventSettings } from '../../shared/events/schemas.js';
import { LinkRole } from '../../shared/kernel/roles.js';
import { EventDetailPage } from './EventDetailPage.js';
import { RequireOrganizer } from './session.js';

afterEach(() => vi.unstubAllGlobals());

const base = 'https://plenum.example.org/e/123456';
function details(over: Partial<EventDetails> = {}): EventDetails {
  return {
    id: 'ev1',
    code: '123456',
    title: 'Town Hall',
    format: 'talk',
    language: 'de',
    startsAt: null,
    settings: EventSettings.parse({}),
    links: {
      attendee: base,
      moderator: `${base}/moderate?token=mod-token`,
      facilitator: `${base}/facilitate?token=fac-token`,
      stage: `${base}/stage?token=stage-token`,
      speaker: `${base}/speaker?token=speaker-token`,
    },
    createdAt: '2025-01-01T10:00:00.000Z',
    questionCount: 0,
    ...over,
  };
}

function serve(event: EventDetails) {
  const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
    if (url === '/api/auth/me') return json({ id: 'o1', email: 'orga@example.org' });
    if (url === '/api/events/ev1/links/speaker/rotate' && init?.method === 'POST') {
      return json({ ...event, links: { ...event.links, speaker: `${base}/speaker?token=renewed` } });
    }
    if (url === '/api/events/ev1') return json(event);
    return json({ error: { code: 'not_found', message: url } }, 404);
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function renderPage() {
  return render(
    <MemoryRouter initialEntries={['/dashboard/events/ev1']}>
      <Routes>
        <Route
          path="/dashboard/events/:id"
          element={
            <RequireOrganizer>
              <EventDetailPage />
            </RequireOrganizer>
          }
        />
      </Routes>
    </MemoryRouter>,
  );
}

describe('EventDetailPage', () => {
  it('lists every link role with copy and renew, and the overlay address with its parameters', async () => {
    serve(details());
    renderPage();
    const links = await screen.findByRole('region', { name: 'Role links' });
    expect(within(links).getByRole('textbox', { name: 'Speaker link' })).toHaveValue(`${base}/speaker?token=speaker-token`);
    expect(within(links).getByRole('button', { name: 'Copy speaker link' })).toBeInTheDocument();
    expect(within(links).getByRole('button', { name: 'Renew speaker link' })).toBeInTheDocument();
    expect(within(links).getAllByRole('button', { name: /^Renew / })).toHaveLength(LinkRole.options.length);
    expect(within(links).getByRole('textbox', { name: 'Overlay for the stream (OBS)' })).toHaveValue(`${base}/overlay?token=stage-token`);
    for (const p of ['position', 'scale', 'theme', 'autohide']) expect(within(links).getByText(new RegExp(`^${p} –`))).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Open speaker view' })).toHaveAttribute('href', `${base}/speaker?token=speaker-token`);
  });

  it('renews the speaker link after confirming and shows the new one', async () => {
    const fetchMock = serve(details());
    renderPage();
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Renew speaker link' }));
    await user.click(screen.getByRole('button', { name: 'Yes, renew' }));
    expect(await screen.findByText('Link renewed.')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Speaker link' })).toHaveValue(`${base}/speaker?token=renewed`);
    expect(fetchMock.mock.calls.some(([url]) => url === '/api/events/ev1/links/speaker/rotate')).toBe(true);
  });

  it('has one settings card each for attendee fields, YouTube and the stage (meeting link for talk events)', async () => {
    serve(details());
    renderPage();
    const stage = await screen.findByRole('region', { name: 'Stage, overlay and speakers' });
    expect(within(stage).getByRole('textbox', { name: /Video meeting link/ })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'YouTube broadcast' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Attendee details' })).toBeInTheDocument();
  });

  it('axe finds nothing on the whole page', async () => {
    serve(details({ format: 'solution' }));
    const { container } = renderPage();
    await screen.findByRole('region', { name: 'Role links' });
    const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(result.violations.map((v) => v.id)).toEqual([]);
  });
});
