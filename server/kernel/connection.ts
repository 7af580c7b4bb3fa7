/** A socket that passed the handshake: join its rooms, listen for commands, tell the modules who is here. */
import { isStaffRole } from '../../shared/kernel/roles.js';
import { registerCommands } from './dispatch.js';
import { useFramedWrites } from './framed-writes.js';
import type { RunningKernel } from './kernel.js';
import { attendeeRoom, linkRoom, pubPartOf, pubPartRoom, pubRoom, stageRoom, staffRoom } from './rooms.js';
import type { PlenumSocket } from './socket-types.js';

export function onConnection(kernel: RunningKernel, socket: PlenumSocket): void {
  const d = socket.data;
  // A rotation or deletion that happened while this handshake read the old token: refuse now.
  const revoked = kernel.delivery.revokedSince(d.eventId, d.linkRole, d.since);
  if (revoked) {
    socket.emit('session:revoked', { reason: revoked });
    socket.disconnect(true);
    return;
  }
  useFramedWrites(socket);
  const rooms = [isStaffRole(d.role) ? staffRoom(d.eventId) : pubRoom(d.eventId)];
  if (d.attendeeId) rooms.push(attendeeRoom(d.attendeeId));
  if (d.linkRole) rooms.push(linkRoom(d.eventId, d.linkRole));
  // The speaker view reads what the stage reads (read-only capability).
  if (d.role === 'stage' || d.role === 'speaker') rooms.push(stageRoom(d.eventId));
  else if (!isStaffRole(d.role)) rooms.push(pubPartRoom(d.eventId, pubPartOf(socket.id)));
  void socket.join(rooms);
  registerCommands(kernel, kernel.handlers, socket);
  const { attendeeId } = d;
  if (attendeeId) {
    for (const m of kernel.modules) m.onPresence?.(d.eventId, attendeeId, true);
    socket.on('disconnect', () => {
      for (const m of kernel.modules) m.onPresence?.(d.eventId, attendeeId, false);
    });
  }
  kernel.logger.debug({ eventId: d.eventId, role: d.role }, 'socket connected');
}
