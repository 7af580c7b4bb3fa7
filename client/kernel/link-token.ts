/**
 * Capability tokens arrive as `?token=` in role links. The page keeps the token in sessionStorage (so a
 * reload works) and removes it from the address bar, where it would leak into screenshots and history.
 */
export type LinkTokenRole = 'moderator' | 'facilitator' | 'stage' | 'setup';

function storageKey(role: LinkTokenRole, code: string): string {
  return `plenum.token.${role}.${code}`;
}

/** The URL without its token parameter (other parameters and the hash stay). */
export function withoutToken(href: string): string {
  const url = new URL(href);
  url.searchParams.delete('token');
  return url.pathname + url.search + url.hash;
}

export function takeLinkToken(role: LinkTokenRole, code: string): string | undefined {
  const fromUrl = new URL(window.location.href).searchParams.get('token');
  if (fromUrl) {
    try {
      sessionStorage.setItem(storageKey(role, code), fromUrl);
    } catch {
      // storage unavailable: the token still works for this page view
    }
    window.history.replaceState(window.history.state, '', withoutToken(window.location.href));
    return fromUrl;
  }
  try {
    return sessionStorage.getItem(storageKey(role, code)) ?? undefined;
  } catch {
    return undefined;
  }
}
