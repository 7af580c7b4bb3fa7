/** A settings card saves through PATCH /api/events/:id and hands the server's refusal (with its fields) to the form. */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StageSettings } from '../../shared/stage/index.js';
import { overlayUrlOf } from './OverlayLink.js';
import { SettingsCard } from './SettingsCard.js';
import { StageSettingsForm } from './StageSettingsForm.js';

afterEach(() => vi.unstubAllGlobals());

function respond(status: number, body: unknown) {
  const fetchMock = vi.fn(async () => new Response(status === 204 ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function renderCard(onSaved = vi.fn(async () => {})) {
  render(
    <SettingsCard eventId="ev 1" heading="Bühne" onSaved={onSaved}>
      {(save) => <StageSettingsForm settings={StageSettings.parse({})} format="talk" onSave={save} />}
    </SettingsCard>,
  );
  return onSaved;
}

describe('SettingsCard', () => {
  it('PATCHes { settings } for the event, then reloads it', async () => {
    const fetchMock = respond(204, null);
    const onSaved = renderCard();
    expect(screen.getByRole('region', { name: 'Bühne' })).toBeInTheDocument();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Speichern' }));
    expect(await screen.findByText('Einstellungen gespeichert.')).toBeInTheDocument();
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/events/ev%201');
    expect(init.method).toBe('PATCH');
    expect(JSON.parse(String(init.body))).toEqual({
      settings: { stage: { theme: { background: null, text: null, accent: null, logoUrl: null }, follow: { room: true, overlay: true }, overlayAutoHideS: null, speakerMayAnswer: false, meetingUrl: null } },
    });
    expect(onSaved).toHaveBeenCalledTimes(1);
  });

  it('the server’s invalid_payload with fields marks those fields; nothing is reloaded', async () => {
    respond(400, { error: { code: 'invalid_payload', message: 'invalid input: settings.stage.theme.accent', fields: ['settings.stage.theme.accent'] } });
    const onSaved = renderCard();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Speichern' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Der Server hat die Eingaben nicht angenommen.');
    expect(screen.getByRole('textbox', { name: 'Akzentfarbe' })).toHaveAttribute('aria-invalid', 'true');
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('a session that ran out says so', async () => {
    respond(401, { error: { code: 'unauthorized', message: 'no session' } });
    renderCard();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Speichern' }));
    expect(await screen.findByRole('alert')).not.toHaveTextContent('markierten Felder');
  });
});

describe('overlayUrlOf', () => {
  it('is the stage link with /overlay (same token, other parameters kept)', () => {
    expect(overlayUrlOf('https://plenum.example.org/e/123456/stage?token=abc')).toBe('https://plenum.example.org/e/123456/overlay?token=abc');
    expect(overlayUrlOf('http://localhost:3000/e/654321/stage?token=x-y_z')).toBe('http://localhost:3000/e/654321/overlay?token=x-y_z');
  });
});
