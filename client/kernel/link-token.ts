/**
 * Capability tokens arrive as `?token=` in role links. The page removes the token from the address bar
 * (it would leak into screenshots, shared screens and history) and keeps it per event and role in
 * localStorage, so a bookmark, a reload in a new tab or a copied address without the token still works on
 * this device. A token arriving in the URL replaces the stored one (the organizer renewed the link).
 * The one-time setup token stays in sessionStorage: it must not outlive the tab.
 */
import type { LinkRole } from '../../shared/kernel/roles.js';

export type LinkTokenRole = LinkRole | 'setup';

/** Which role link a page needs: the stage and the overlay take the stage link. */
export const PAGE_LINK_ROLE = {
  moderate: 'moderator',
  facilitate: 'facilitator',
  stage: 'stage',
  overlay: 'stage',
  speaker: 'speaker',
} as const satisfies Record<string, LinkRole>;

function storageKey(role: LinkTokenRole, code: string): string {
  return `plenum.token.${role}.${code}`;
}

function storageFor(role: LinkTokenRole): Storage | null {
  try {
    return role === 'setup' ? window.sessionStorage : window.localStorage;
  } catch {
    // storage blocked (privacy settings): the token still works for this page view
    return null;
  }
}

/** The URL without its token parameter (other parameters and the hash stay). */
export function withoutToken(href: string): string {
  const url = new URL(href);
  url.searchParams.delete('token');
  return url.pathname + url.search + url.hash;
}

/** The token of this page: from the address (then stored and removed from it) or the one stored earlier. */
export function takeLinkToken(role: LinkTokenRole, code: string): string | undefined {
  const storage = storageFor(role);
  const fromUrl = new URL(window.location.href).searchParams.get('token');
  if (fromUrl) {
    try {
      storage?.setItem(storageKey(role, code), fromUrl);
    } catch {
      // quota or blocked storage: the token still works for this page view
    }
    window.history.replaceState(window.history.state, '', withoutToken(window.location.href));
    return fromUrl;
  }
  try {
    return storage?.getItem(storageKey(role, code)) ?? undefined;
  } catch {
    return undefined;
  }
}
