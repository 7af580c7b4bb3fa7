/**
 * Socket.IO handshake: who is this socket, for which event? `auth: { protocol, code, token? }`.
 * A link token of THIS event gives its role, an attendee token of this event gives the attendee; no token
 * with a valid organizer session cookie gives the organizer. Anything else is refused with a
 * connect_error whose message is one of HandshakeError (or "internal").
 */
import type { ExtendedError } from 'socket.io';
import type { LinkRole } from '../../shared/events/schemas.js';
import { HandshakeAuth } from '../../shared/socket.js';
import { PROTOCOL_VERSION } from '../../shared/version.js';
import { findEventByCode, TOKEN_COLUMN } from '../events/repository.js';
import type { Services } from '../services.js';
import type { PlenumSocket, SocketData } from '../sync/socket-types.js';
import { sessionTokenFromCookieHeader } from './http.js';
import { findSessionOrganizer } from './organizers.js';
import { sha256Hex, tokensEqual } from './tokens.js';

const LINK_ROLES: readonly LinkRole[] = ['moderator', 'facilitator', 'stage'];

/** Browsers always send Origin on WebSocket and XHR; a foreign one must not ride on the organizer cookie. */
function sameOrigin(socket: PlenumSocket, publicUrl: string | null): boolean {
  const origin = socket.handshake.headers.origin;
  if (!origin) return true;
  try {
    const { host } = new URL(origin);
    if (host === socket.handshake.headers.host) return true;
    return publicUrl !== null && host === new URL(publicUrl).host;
  } catch {
    return false;
  }
}

export async function identify(services: Services, socket: PlenumSocket): Promise<SocketData | string> {
  const raw: unknown = socket.handshake.auth;
  const protocol = typeof raw === 'object' && raw !== null ? (raw as { protocol?: unknown }).protocol : undefined;
  if (typeof protocol === 'number' && protocol !== PROTOCOL_VERSION) return 'protocol_mismatch';
  const parsed = HandshakeAuth.safeParse(raw);
  if (!parsed.success) return 'invalid_payload';
  const { code, token } = parsed.data;

  const since = services.broadcaster.currentRevision;
  const event = await findEventByCode(services.db, code);
  if (!event) return 'not_found';
  const base = { eventId: event.id, code: event.code, linkRole: null, attendeeId: null, organizerId: null, since };

  if (token) {
    // Compare with all three so the time taken does not tell which (if any) matched.
    const matches = LINK_ROLES.filter((role) => tokensEqual(event[TOKEN_COLUMN[role]], token));
    const role = matches[0];
    if (role) return { ...base, role, linkRole: role };
    const attendee = await services.db
      .selectFrom('attendees')
      .select('id')
      .where('token_hash', '=', sha256Hex(token))
      .where('event_id', '=', event.id)
      .executeTakeFirst();
    if (attendee) return { ...base, role: 'attendee', attendeeId: attendee.id };
    return 'unauthorized';
  }

  const sessionToken = sessionTokenFromCookieHeader(socket.handshake.headers.cookie);
  if (sessionToken && sameOrigin(socket, services.config.publicUrl)) {
    const organizer = await findSessionOrganizer(services.db, sessionToken, services.now());
    if (organizer) return { ...base, role: 'organizer', organizerId: organizer.id };
  }
  return 'unauthorized';
}

export function handshakeMiddleware(services: Services) {
  return (socket: PlenumSocket, next: (err?: ExtendedError) => void): void => {
    identify(services, socket).then(
      (result) => {
        if (typeof result === 'string') return next(new Error(result));
        socket.data = result;
        next();
      },
      (err: unknown) => {
        services.logger.error({ err }, 'handshake failed');
        next(new Error('internal'));
      },
    );
  };
}
