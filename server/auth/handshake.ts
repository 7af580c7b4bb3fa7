/**
 * Socket.IO handshake: who is this socket, for which event? `auth: { protocol, code, token? }`.
 * A link token of THIS event gives its role, an attendee token of this event gives the attendee; no token
 * with a valid organizer session cookie gives the organizer. Anything else is refused with a
 * connect_error whose message is one of HandshakeError (or "internal").
 */
import type { ExtendedError } from 'socket.io';
import { LinkRole } from '../../shared/kernel/roles.js';
import { HandshakeAuth } from '../../shared/socket.js';
import { PROTOCOL_VERSION } from '../../shared/version.js';
import { findEventByCode, TOKEN_COLUMN } from '../events/repository.js';
import type { RunningKernel } from '../kernel/kernel.js';
import type { PlenumSocket, SocketData } from '../kernel/socket-types.js';
import { sessionTokenFromCookieHeader } from './http.js';
import { findSessionOrganizer } from './organizers.js';
import { tokensEqual } from './tokens.js';

const LINK_ROLES: readonly LinkRole[] = LinkRole.options;

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

export async function identify(kernel: RunningKernel, socket: PlenumSocket): Promise<SocketData | string> {
  const raw: unknown = socket.handshake.auth;
  const protocol = typeof raw === 'object' && raw !== null ? (raw as { protocol?: unknown }).protocol : undefined;
  if (typeof protocol === 'number' && protocol !== PROTOCOL_VERSION) return 'protocol_mismatch';
  const parsed = HandshakeAuth.safeParse(raw);
  if (!parsed.success) return 'invalid_payload';
  const { code, token } = parsed.data;

  const since = kernel.delivery.currentRevision;
  const event = await findEventByCode(kernel.db, code);
  if (!event) return 'not_found';
  const base = { eventId: event.id, code: event.code, linkRole: null, attendeeId: null, organizerId: null, since };

  if (token) {
    // Compare with every link so the time taken does not tell which (if any) matched.
    const matches = LINK_ROLES.filter((role) => tokensEqual(event[TOKEN_COLUMN[role]], token));
    const role = matches[0];
    if (role) return { ...base, role, linkRole: role };
    const attendeeId = await kernel.identity.attendeeByToken(kernel.db, event.id, token);
    if (attendeeId) return { ...base, role: 'attendee', attendeeId };
    return 'unauthorized';
  }

  const sessionToken = sessionTokenFromCookieHeader(socket.handshake.headers.cookie);
  if (sessionToken && sameOrigin(socket, kernel.config.publicUrl)) {
    const organizer = await findSessionOrganizer(kernel.db, sessionToken, kernel.now());
    if (organizer) return { ...base, role: 'organizer', organizerId: organizer.id };
  }
  return 'unauthorized';
}

export function handshakeMiddleware(kernel: RunningKernel) {
  return (socket: PlenumSocket, next: (err?: ExtendedError) => void): void => {
    identify(kernel, socket).then(
      (result) => {
        if (typeof result === 'string') return next(new Error(result));
        socket.data = result;
        next();
      },
      (err: unknown) => {
        kernel.logger.error({ err }, 'handshake failed');
        next(new Error('internal'));
      },
    );
  };
}
