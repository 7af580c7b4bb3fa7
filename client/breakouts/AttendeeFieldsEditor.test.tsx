import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { AttendeeFieldsEditor, keyFromLabel } from './AttendeeFieldsEditor.js';

describe('attendee fields editor', () => {
  it('derives keys from labels', () => {
    expect(keyFromLabel('Firma / Organisation')).toBe('firma_organisation');
    expect(keyFromLabel('Größe')).toBe('groesse');
    expect(keyFromLabel('2. Rolle')).toBe('rolle');
  });

  it('adds a field, checks it and saves fields with the closing countdown', async () => {
    const user = userEvent.setup();
    const onSave = vi.fn(async () => null);
    render(<AttendeeFieldsEditor settings={{ attendeeFields: [], breakouts: { closingSec: 30 } }} onSave={onSave} />);
    await user.click(screen.getByRole('button', { name: 'Angabe hinzufügen' }));
    await user.click(screen.getByRole('button', { name: 'Teilnehmerangaben speichern' }));
    expect(screen.getByText('Bitte eine Bezeichnung angeben.')).toBeInTheDocument();
    expect(onSave).not.toHaveBeenCalled();
    await user.type(screen.getByRole('textbox', { name: 'Bezeichnung' }), 'Firma');
    expect(screen.getByRole('textbox', { name: 'Schlüssel' })).toHaveValue('firma');
    await user.click(screen.getByRole('checkbox', { name: 'Pflichtangabe' }));
    const closing = screen.getByRole('spinbutton', { name: 'Countdown bis zur Rückkehr ins Plenum (Sekunden)' });
    await user.clear(closing);
    await user.type(closing, '20');
    await user.click(screen.getByRole('button', { name: 'Teilnehmerangaben speichern' }));
    expect(onSave).toHaveBeenCalledWith({ attendeeFields: [{ key: 'firma', label: 'Firma', required: true }], breakouts: { closingSec: 20 } });
    expect(await screen.findByText('Gespeichert.')).toBeInTheDocument();
  });
});
