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

/** Kept in place of a token the server refused: later visits without a token still say "renewed". */
const RENEWED = '!renewed';

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

export interface TakenToken {
  token: string | undefined;
  /** From the address (else from this device's storage, or none). */
  fromUrl: boolean;
  /** No token, but this device had one that was renewed since (forgetLinkToken). */
  renewed: boolean;
}

/** The token of this page and where it came from: the address (then stored and removed from it) or storage. */
export function readLinkToken(role: LinkTokenRole, code: string): TakenToken {
  const storage = storageFor(role);
  const fromUrl = new URL(window.location.href).searchParams.get('token');
  if (fromUrl) {
    try {
      storage?.setItem(storageKey(role, code), fromUrl);
    } catch {
      // quota or blocked storage: the token still works for this page view
    }
    window.history.replaceState(window.history.state, '', withoutToken(window.location.href));
    return { token: fromUrl, fromUrl: true, renewed: false };
  }
  try {
    const stored = storage?.getItem(storageKey(role, code)) ?? undefined;
    if (stored === RENEWED) return { token: undefined, fromUrl: false, renewed: true };
    return { token: stored, fromUrl: false, renewed: false };
  } catch {
    return { token: undefined, fromUrl: false, renewed: false };
  }
}

/** The token of this page: from the address (then stored and removed from it) or the one stored earlier. */
export function takeLinkToken(role: LinkTokenRole, code: string): string | undefined {
  return readLinkToken(role, code).token;
}

/** Drops a stored token the server no longer accepts (the link was renewed), remembering that it was. */
export function forgetLinkToken(role: LinkTokenRole, code: string): void {
  try {
    storageFor(role)?.setItem(storageKey(role, code), RENEWED);
  } catch {
    // storage unavailable: nothing was stored either
  }
}
