/**
 * sync:snapshot: the kernel's part (seq, me, event) plus every module's part for this audience, read in
 * one transaction so the seq and the rows agree.
 */
import { DomainError } from '../../shared/errors.js';
import { isStaffRole } from '../../shared/kernel/roles.js';
import type { Snapshot } from '../../shared/socket.js';
import { PROTOCOL_VERSION } from '../../shared/version.js';
import { findEventById, rowToInfo } from '../events/repository.js';
import { publicEventInfo } from '../events/settings.js';
import type { RunningKernel } from './kernel.js';
import type { SocketData } from './socket-types.js';

export async function buildSnapshot(kernel: RunningKernel, actor: SocketData): Promise<Snapshot> {
  // PostgreSQL: REPEATABLE READ, so every statement of the snapshot sees the same commits as the seq it
  // reads (READ COMMITTED would let a commit land between two of them). SQLite transactions are serial.
  const begin = kernel.shared ? kernel.db.transaction().setIsolationLevel('repeatable read') : kernel.db.transaction();
  return begin.execute(async (trx) => {
    const row = await findEventById(trx, actor.eventId);
    if (!row) throw new DomainError('not_found', 'this event no longer exists');
    const seq = Number(row.seq);
    if (kernel.shared) kernel.seqWatch.observe(actor.eventId, seq);
    const info = rowToInfo(row);
    let name: string | null = null;
    let attributes: Record<string, string> = {};
    if (actor.attendeeId) {
      const identity = await kernel.identity.describe(trx, actor.eventId, actor.attendeeId);
      name = identity?.name ?? null;
      attributes = identity?.attributes ?? {};
    } else if (actor.organizerId) {
      const organizer = await trx.selectFrom('organizers').select('email').where('id', '=', actor.organizerId).executeTakeFirst();
      name = organizer?.email ?? null;
    }
    const staff = isStaffRole(actor.role);
    const snapshot: Record<string, unknown> = {
      protocol: PROTOCOL_VERSION,
      seq,
      me: { role: actor.role, id: actor.attendeeId ?? actor.organizerId ?? actor.role, name, attributes },
      event: staff ? info : publicEventInfo(info),
      serverTime: kernel.now().toISOString(),
    };
    const audience = staff ? 'staff' : 'pub';
    for (const m of kernel.modules) {
      if (m.snapshot) snapshot[m.name] = await m.snapshot({ trx, eventId: actor.eventId, seq, audience, actor });
    }
    return snapshot as Snapshot;
  });
}
