import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { YoutubeSettings } from '../../shared/chat/schemas.js';
import { YoutubeSettingsForm, prefixesFrom } from './YoutubeSettingsForm.js';

describe('the event page YouTube settings', () => {
  it('saves the URL, the import rule and the prefixes as a settings.youtube patch', async () => {
    const user = userEvent.setup();
    const onSave = vi.fn(async () => null);
    render(<YoutubeSettingsForm settings={YoutubeSettings.parse({})} onSave={onSave} />);
    await user.type(screen.getByRole('textbox', { name: 'Adresse der Übertragung' }), 'https://www.youtube.com/watch?v=LiveVideo01');
    await user.selectOptions(screen.getByRole('combobox'), 'prefix');
    const prefixes = screen.getByRole('textbox', { name: 'Präfixe' });
    await user.clear(prefixes);
    await user.type(prefixes, 'Frage:, Q:');
    await user.click(screen.getByRole('button', { name: 'Speichern' }));
    expect(onSave).toHaveBeenCalledWith({
      youtube: { url: 'https://www.youtube.com/watch?v=LiveVideo01', chatImport: 'prefix', prefixes: ['Frage:', 'Q:'] },
    });
    expect(await screen.findByText('Einstellungen gespeichert.')).toBeInTheDocument();
  });

  it('explains a URL that is not a video and does not save it', async () => {
    const user = userEvent.setup();
    const onSave = vi.fn(async () => null);
    render(<YoutubeSettingsForm settings={YoutubeSettings.parse({})} onSave={onSave} />);
    const field = screen.getByRole('textbox', { name: 'Adresse der Übertragung' });
    await user.type(field, 'https://www.youtube.com/playlist?list=PL123');
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('button', { name: 'Speichern' })).toBeDisabled();
    expect(onSave).not.toHaveBeenCalled();
  });

  it('clears the URL with an empty field (null) and splits prefixes', async () => {
    const user = userEvent.setup();
    const onSave = vi.fn(async () => null);
    render(<YoutubeSettingsForm settings={YoutubeSettings.parse({ url: 'LiveVideo01', chatImport: 'all' })} onSave={onSave} />);
    await user.clear(screen.getByRole('textbox', { name: 'Adresse der Übertragung' }));
    await user.click(screen.getByRole('button', { name: 'Speichern' }));
    expect(onSave).toHaveBeenCalledWith({ youtube: { url: null, chatImport: 'all', prefixes: ['Frage:', 'Q:', 'F:'] } });
    expect(prefixesFrom(' a ,, b ')).toEqual(['a', 'b']);
  });
});
