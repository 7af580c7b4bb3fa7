/**
 * The connection of a role link's page (moderate, facilitate, stage, overlay, speaker): the token from the
 * address or this device's storage, the role the page needs sent along (`expect`), and one repair. A token
 * stored on this device that the server no longer accepts (the link was renewed since) is dropped and the
 * page connects again without it: an organizer's session then gets in, everyone else is told that the link
 * was renewed (not that it is incomplete).
 */
import { useEffect, useRef, useState } from 'react';
import type { LinkRole } from '../../shared/kernel/roles.js';
import { forgetLinkToken, readLinkToken } from './link-token.js';
import { useEventConnection } from './react.js';

export function useLinkConnection(role: LinkRole, code: string) {
  const [taken] = useState(() => readLinkToken(role, code));
  const [token, setToken] = useState(taken.token);
  const conn = useEventConnection({ code, token, enabled: true, expect: role });
  // This device had the link before it was renewed: without a token, say "renewed", not "incomplete".
  const droppedStale = useRef(taken.renewed);
  const { store } = conn;

  useEffect(
    () =>
      store.subscribe(({ connection, setConnection }) => {
        if (connection.status !== 'refused') return;
        if (connection.reason === 'link_invalid' && token !== undefined && !taken.fromUrl) {
          droppedStale.current = true;
          forgetLinkToken(role, code);
          setToken(undefined);
        } else if (connection.reason === 'link_incomplete' && droppedStale.current) {
          setConnection({ status: 'refused', reason: 'link_invalid' });
        }
      }),
    [store, token, taken.fromUrl, role, code],
  );

  return { ...conn, token };
}
