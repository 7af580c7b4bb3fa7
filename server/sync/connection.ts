/** A socket that passed the handshake: join its rooms and listen for commands. */
import { handlers } from '../handlers.js';
import type { Services } from '../services.js';
import { registerCommands } from './dispatch.js';
import { attendeeRoom, isStaffRole, linkRoom, staffRoom, pubRoom } from './rooms.js';
import type { PlenumSocket } from './socket-types.js';

export function onConnection(services: Services, socket: PlenumSocket): void {
  const d = socket.data;
  // A rotation or deletion that happened while this handshake read the old token: refuse now.
  const revoked = services.broadcaster.revokedSince(d.eventId, d.linkRole, d.since);
  if (revoked) {
    socket.emit('session:revoked', { reason: revoked });
    socket.disconnect(true);
    return;
  }
  const rooms = [isStaffRole(d.role) ? staffRoom(d.eventId) : pubRoom(d.eventId)];
  if (d.attendeeId) rooms.push(attendeeRoom(d.attendeeId));
  if (d.linkRole) rooms.push(linkRoom(d.eventId, d.linkRole));
  void socket.join(rooms);
  registerCommands(services, handlers, socket);
  const { attendeeId } = d;
  if (attendeeId) {
    services.breakouts.attendeeConnected(d.eventId, attendeeId);
    socket.on('disconnect', () => services.breakouts.attendeeDisconnected(d.eventId, attendeeId));
  }
  services.logger.debug({ eventId: d.eventId, role: d.role }, 'socket connected');
}
