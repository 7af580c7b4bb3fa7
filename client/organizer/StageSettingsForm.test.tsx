/** The organizer's stage settings: what is saved, client checks with the shared rules, the server's refusals. */
import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { describe, expect, it, vi } from 'vitest';
import { StageSettings } from '../../shared/stage/index.js';
import type { SaveSettings } from './SettingsCard.js';
import { StageSettingsForm, stageFieldOf } from './StageSettingsForm.js';

const defaults = StageSettings.parse({});

function setup(opts: { settings?: StageSettings; format?: 'talk' | 'solution' | 'broadcast' | 'space'; onSave?: SaveSettings } = {}) {
  const onSave = vi.fn<SaveSettings>(opts.onSave ?? (async () => null));
  const utils = render(<StageSettingsForm settings={opts.settings ?? defaults} format={opts.format ?? 'talk'} onSave={onSave} />);
  return { ...utils, onSave, user: userEvent.setup() };
}

const save = () => screen.getByRole('button', { name: 'Speichern' });

/** Pastes instead of typing key by key: the same change events, fast enough on a loaded machine. */
async function fill(user: ReturnType<typeof userEvent.setup>, field: HTMLElement, text: string) {
  await user.clear(field);
  await user.click(field);
  await user.paste(text);
}

describe('StageSettingsForm', () => {
  it('saves every field as one settings.stage patch (theme and follow whole)', async () => {
    const { user, onSave } = setup();
    await fill(user, screen.getByRole('textbox', { name: 'Hintergrundfarbe' }), '#102030');
    fireEvent.change(screen.getByLabelText('Akzentfarbe auswählen'), { target: { value: '#ff8800' } });
    expect(screen.getByRole('textbox', { name: 'Akzentfarbe' })).toHaveValue('#ff8800');
    await fill(user, screen.getByRole('textbox', { name: 'Adresse des Logos' }), 'https://cdn.example.org/logo.svg');
    await user.click(screen.getByRole('checkbox', { name: 'im Overlay des Streams' }));
    await fill(user, screen.getByRole('textbox', { name: /ausblenden nach/ }), '20');
    await user.click(screen.getByRole('checkbox', { name: /als beantwortet markieren/ }));
    await fill(user, screen.getByRole('textbox', { name: /Videokonferenz/ }), 'https://meet.jit.si/TownHall');
    expect(screen.getByText(/Erkannt: Jitsi\./)).toBeInTheDocument();
    await user.click(save());
    expect(onSave).toHaveBeenCalledWith({
      stage: {
        theme: { background: '#102030', text: null, accent: '#ff8800', logoUrl: 'https://cdn.example.org/logo.svg' },
        follow: { room: true, overlay: false },
        overlayAutoHideS: 20,
        speakerMayAnswer: true,
        meetingUrl: 'https://meet.jit.si/TownHall',
      },
    });
    expect(await screen.findByText('Einstellungen gespeichert.')).toBeInTheDocument();
  });

  it('shows the stored values; emptied fields become null (Plenum’s colours, no logo, no auto-hide, no meeting)', async () => {
    const settings = StageSettings.parse({
      theme: { background: '#000000', text: '#FFFFFF', accent: '#00ff00', logoUrl: '/logo.png' },
      overlayAutoHideS: 15,
      meetingUrl: 'https://us02web.zoom.us/j/1',
    });
    const { user, onSave } = setup({ settings, format: 'solution' });
    expect(screen.getByRole('textbox', { name: 'Textfarbe' })).toHaveValue('#FFFFFF');
    expect(screen.getByText(/Erkannt: Zoom\./)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Hintergrundfarbe: Plenum-Farbe verwenden' }));
    for (const name of ['Textfarbe', 'Akzentfarbe', 'Adresse des Logos', /ausblenden nach/, /Videokonferenz/]) await user.clear(screen.getByRole('textbox', { name }));
    await user.click(save());
    expect(onSave.mock.calls[0]![0]).toEqual({
      stage: { theme: { background: null, text: null, accent: null, logoUrl: null }, follow: { room: true, overlay: true }, overlayAutoHideS: null, speakerMayAnswer: false, meetingUrl: null },
    });
  });

  it('the meeting link only for talk and solution events (and then not sent at all)', async () => {
    const { user, onSave, unmount } = setup({ format: 'broadcast' });
    expect(screen.queryByRole('textbox', { name: /Videokonferenz/ })).toBeNull();
    await user.click(save());
    expect(onSave.mock.calls[0]![0].stage).not.toHaveProperty('meetingUrl');
    unmount();
    setup({ format: 'space' });
    expect(screen.queryByRole('textbox', { name: /Videokonferenz/ })).toBeNull();
  });

  it.each([
    ['Hintergrundfarbe', '#12345', 'Bitte eine Farbe wie #1a2b3c eingeben oder das Feld leeren.'],
    ['Textfarbe', 'red', 'Bitte eine Farbe wie #1a2b3c eingeben oder das Feld leeren.'],
    ['Adresse des Logos', 'http://insecure.example/logo.png', 'Bitte eine https://-Adresse oder einen Pfad, der mit / beginnt, eingeben oder das Feld leeren.'],
    [/ausblenden nach/, '2', 'Bitte eine ganze Zahl von 3 bis 3600 eingeben oder das Feld leeren.'],
    [/ausblenden nach/, '3601', 'Bitte eine ganze Zahl von 3 bis 3600 eingeben oder das Feld leeren.'],
    [/ausblenden nach/, '7.5', 'Bitte eine ganze Zahl von 3 bis 3600 eingeben oder das Feld leeren.'],
    [/Videokonferenz/, 'zoom.us/j/1', 'Bitte eine https://-Adresse eingeben oder das Feld leeren.'],
  ])('refuses %s = %s before sending, marks and focuses the field', async (name, value, message) => {
    const { user, onSave } = setup();
    const field = screen.getByRole('textbox', { name });
    await fill(user, field, value);
    await user.click(save());
    expect(onSave).not.toHaveBeenCalled();
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription(expect.stringContaining(message));
    expect(field).toHaveFocus();
    // Typing again clears the mark.
    await user.clear(field);
    expect(field).not.toHaveAttribute('aria-invalid');
  });

  it('shows a validation error from the server at the fields it names', async () => {
    const { user } = setup({ onSave: async () => ({ code: 'invalid_payload', fields: ['settings.stage.meetingUrl', 'settings.stage.theme.logoUrl'] }) });
    await user.click(save());
    expect(await screen.findByRole('alert')).toHaveTextContent('Der Server hat die Eingaben nicht angenommen. Bitte prüfen Sie die markierten Felder.');
    expect(screen.getByRole('textbox', { name: /Videokonferenz/ })).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('textbox', { name: 'Adresse des Logos' })).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('textbox', { name: 'Adresse des Logos' })).toHaveFocus();
    expect(screen.queryByText('Einstellungen gespeichert.')).toBeNull();
  });

  it('shows other server errors (forbidden, network) without marking fields, and the button is busy meanwhile', async () => {
    let resolve: (v: { code: string } | null) => void = () => {};
    const { user } = setup({ onSave: () => new Promise((r) => (resolve = r)) });
    await user.click(save());
    expect(save()).toHaveAttribute('aria-busy', 'true');
    resolve({ code: 'network' });
    expect(await screen.findByRole('alert')).toHaveTextContent(/Netzwerk/);
    expect(screen.getAllByRole('textbox').every((f) => !f.hasAttribute('aria-invalid'))).toBe(true);
  });

  it('maps server and schema paths to fields', () => {
    expect(stageFieldOf('settings.stage.theme.accent')).toBe('accent');
    expect(stageFieldOf('theme.background')).toBe('background');
    expect(stageFieldOf('overlayAutoHideS')).toBe('autoHide');
    expect(stageFieldOf('settings.stage.meetingUrl')).toBe('meetingUrl');
    expect(stageFieldOf('settings.qa.maxLength')).toBeNull();
  });

  it('is axe clean, also with every error shown', async () => {
    const { user, container } = setup();
    await fill(user, screen.getByRole('textbox', { name: 'Hintergrundfarbe' }), 'x');
    await fill(user, screen.getByRole('textbox', { name: /ausblenden nach/ }), '1');
    await user.click(save());
    const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
    expect(result.violations.map((v) => v.id)).toEqual([]);
    expect(within(container).getAllByText(/Bitte/).length).toBe(2);
  });
});
