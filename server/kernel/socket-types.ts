import type { Server, Socket } from 'socket.io';
import type { LinkRole, Role } from '../../shared/kernel/roles.js';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/socket.js';

/** Who is on the other end of a socket, settled once by the handshake middleware. */
export interface SocketData {
  eventId: string;
  code: string;
  role: Role;
  /** For link roles: which link (rotating it drops this socket). */
  linkRole: LinkRole | null;
  attendeeId: string | null;
  organizerId: string | null;
  /** Delivery revision when the handshake started (see Delivery.revokedSince). */
  since: number;
}

export type PlenumIO = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type PlenumSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
