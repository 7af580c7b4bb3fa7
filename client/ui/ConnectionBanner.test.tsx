import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { LinkRole, Role } from '../../shared/kernel/roles.js';
import i18n from 'i18next';
import type { ConnectionState } from '../kernel/store.js';
import { ConnectionBanner } from './ConnectionBanner.js';

function show(connection: ConnectionState) {
  return render(
    <MemoryRouter>
      <ConnectionBanner connection={connection} hasData={false} />
    </MemoryRouter>,
  );
}

afterEach(async () => {
  await i18n.changeLanguage('de');
});

describe('ConnectionBanner on role link pages', () => {
  it('names the link it got and the link the page needs (de and en)', async () => {
    show({ status: 'refused', reason: 'wrong_role', roles: { expected: 'stage', actual: 'moderator' } });
    expect(screen.getByRole('status')).toHaveTextContent('Das ist ein Moderationslink; diese Seite braucht den Bühnenlink.');
    await i18n.changeLanguage('en');
    expect(await screen.findByText(/This is a moderator link; this page needs the stage link\./)).toBeInTheDocument();
  });

  it('has words for every pair: each role the token may give, each link a page may need', async () => {
    for (const lang of ['de', 'en']) {
      await i18n.changeLanguage(lang);
      for (const actual of Role.options) {
        for (const expected of LinkRole.options) {
          const { unmount } = show({ status: 'refused', reason: 'wrong_role', roles: { expected, actual } });
          const text = screen.getByRole('status').textContent ?? '';
          expect(text).toContain(i18n.t(`connection.linkIs.${actual}`));
          expect(text).toContain(i18n.t(`connection.linkNeeded.${expected}`));
          expect(text).not.toMatch(/connection\.|\{\{/);
          unmount();
        }
      }
    }
  });

  it('an incomplete link says so (not "renewed") and offers the organizer sign-in; a stale token says the link was renewed', () => {
    const { unmount } = show({ status: 'refused', reason: 'link_incomplete' });
    const status = screen.getByRole('status');
    expect(status).toHaveTextContent(/unvollständig/);
    expect(status).not.toHaveTextContent(/erneuert/);
    expect(screen.getByRole('link', { name: 'Als Veranstalter anmelden' })).toHaveAttribute('href', '/login');
    unmount();
    show({ status: 'refused', reason: 'link_invalid' });
    expect(screen.getByRole('status')).toHaveTextContent(/wurde erneuert/);
    expect(screen.getByRole('status')).not.toHaveTextContent(/unvollständig/);
  });

  it('a wrong_role without data still explains itself', () => {
    show({ status: 'refused', reason: 'wrong_role' });
    expect(screen.getByRole('status')).toHaveTextContent('Dieser Link passt nicht zu dieser Seite.');
  });
});
