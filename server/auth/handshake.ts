/**
 * Socket.IO handshake: who is this socket, for which event? `auth: { protocol, code, token?, expect? }`.
 * A link token of THIS event gives its role, an attendee token of this event gives the attendee; no token
 * with a valid organizer session cookie gives the organizer. Anything else is refused with a
 * connect_error whose message is one of HandshakeError (or "internal"). A page of a role link sends the
 * role it needs (`expect`): a token of another role is refused with `wrong_role` and
 * `data: { expected, actual }`, so the page can say which link it got instead of failing button by button.
 */
import type { ExtendedError } from 'socket.io';
import { LinkRole } from '../../shared/kernel/roles.js';
import { HandshakeAuth, type WrongRoleData } from '../../shared/socket.js';
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

/** A refusal: the connect_error message, with `data` for `wrong_role`. */
export interface Refusal {
  message: string;
  data?: WrongRoleData;
}

export async function identify(kernel: RunningKernel, socket: PlenumSocket): Promise<SocketData | Refusal> {
  const result = await identifySocket(kernel, socket);
  if (typeof result === 'string') return { message: result };
  if ('message' in result) return result;
  const { expect } = socket.handshake.auth as { expect?: LinkRole };
  // Organizers hold every role; anyone else must hold the one the page needs.
  if (expect && result.role !== 'organizer' && result.role !== expect) {
    return { message: 'wrong_role', data: { expected: expect, actual: result.role } };
  }
  return result;
}

async function identifySocket(kernel: RunningKernel, socket: PlenumSocket): Promise<SocketData | string> {
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
        if ('message' in result) {
          const err: ExtendedError = new Error(result.message);
          if (result.data) err.data = result.data;
          return next(err);
        }
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
