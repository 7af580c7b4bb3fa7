import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { EventSettings } from '../../shared/events/schemas.js';
import { snapshot } from '../testing/fixtures.js';
import { renderWithEvent } from '../testing/render.js';
import { ProfileForm } from './ProfileForm.js';

const settings = EventSettings.parse({
  attendeeFields: [
    { key: 'company', label: 'Firma', required: true },
    { key: 'role', label: 'Rolle', required: false },
  ],
});

describe('attendee profile', () => {
  it('asks for missing required answers and sends them with attendee:profile', async () => {
    const user = userEvent.setup();
    const { calls } = renderWithEvent(<ProfileForm />, snapshot({ event: { settings } }), {
      reply: (_name, payload) => ({ ok: true, attributes: (payload as { attributes: Record<string, string> }).attributes }),
    });
    const company = screen.getByRole('textbox', { name: 'Firma (Pflichtangabe)' });
    await user.click(screen.getByRole('button', { name: 'Angaben speichern' }));
    expect(calls()).toEqual([]);
    expect(company).toHaveAccessibleDescription('Bitte „Firma“ ausfüllen.');
    await user.type(company, ' ACME ');
    await user.click(screen.getByRole('button', { name: 'Angaben speichern' }));
    expect(calls()).toEqual([['attendee:profile', { attributes: { company: 'ACME' } }]]);
    // the ack updates "me": the form closes and shows the answers
    expect(await screen.findByText('Firma: ACME')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Angaben ändern' })).toBeInTheDocument();
  });

  it('stays closed when everything required is answered, and shows nothing without fields', () => {
    const { unmount } = renderWithEvent(<ProfileForm />, snapshot({ event: { settings }, me: { attributes: { company: 'ACME', role: 'Dev' } } }));
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    expect(screen.getByText('Firma: ACME · Rolle: Dev')).toBeInTheDocument();
    unmount();
    renderWithEvent(<ProfileForm />, snapshot());
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });
});
