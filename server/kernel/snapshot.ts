/**
 * sync:snapshot: the kernel's frame (protocol, seq, me, event, serverTime) plus every module's part for
 * this view, read in one transaction so the seq and the rows agree. The part everyone of the view sees
 * alike is built and serialised once per (event, view, seq) (snapshot-cache.ts) and sent as bytes; the
 * personal part is read per request.
 */
import { DomainError } from '../../shared/errors.js';
import { isStaffRole, type Role } from '../../shared/kernel/roles.js';
import type { SnapshotPersonal } from '../../shared/socket.js';
import { PROTOCOL_VERSION } from '../../shared/version.js';
import { findEventById, rowToInfo } from '../events/repository.js';
import { publicEventInfo } from '../events/settings.js';
import type { EventInfo } from '../../shared/events/schemas.js';
import type { Transaction } from 'kysely';
import type { DB } from '../db/types.js';
import type { SharedSnapshotContext, SnapshotView } from './feature.js';
import type { RunningKernel } from './kernel.js';
import type { SharedSnapshot } from './snapshot-cache.js';
import type { SocketData } from './socket-types.js';

export interface SnapshotReply {
  snapshot: SnapshotPersonal;
  shared: Buffer;
}

export function viewOf(role: Role): SnapshotView {
  if (isStaffRole(role)) return 'staff';
  return role === 'stage' || role === 'speaker' ? 'stage' : 'pub';
}

async function buildShared(kernel: RunningKernel, ctx: SharedSnapshotContext, info: EventInfo): Promise<SharedSnapshot> {
  const parts: Record<string, Record<string, unknown>> = {};
  for (const m of kernel.modules) {
    if (m.sharedSnapshot) parts[m.name] = await m.sharedSnapshot(ctx);
  }
  const frame = {
    protocol: PROTOCOL_VERSION,
    seq: ctx.seq,
    event: ctx.audience === 'staff' ? info : publicEventInfo(info),
    ...parts,
  };
  return { seq: ctx.seq, parts, bytes: Buffer.from(JSON.stringify(frame)) };
}

export async function buildSnapshot(kernel: RunningKernel, actor: SocketData): Promise<SnapshotReply> {
  // PostgreSQL: REPEATABLE READ, so every statement of the snapshot sees the same commits as the seq it
  // reads (READ COMMITTED would let a commit land between two of them). SQLite transactions are serial.
  const begin = kernel.shared ? kernel.db.transaction().setIsolationLevel('repeatable read') : kernel.db.transaction();
  return begin.execute(async (trx: Transaction<DB>) => {
    const row = await findEventById(trx, actor.eventId);
    if (!row) throw new DomainError('not_found', 'this event no longer exists');
    const seq = Number(row.seq);
    if (kernel.shared) kernel.seqWatch.observe(actor.eventId, seq);
    const info = rowToInfo(row);
    const view = viewOf(actor.role);
    const ctx: SharedSnapshotContext = { trx, eventId: actor.eventId, seq, audience: view === 'staff' ? 'staff' : 'pub', view };
    const got = kernel.snapshots.get(actor.eventId, view, seq, Date.now(), () => buildShared(kernel, ctx, info));
    let shared: SharedSnapshot;
    try {
      shared = await got.value;
    } catch (err) {
      // Another request's build failed (its transaction, not ours): build in this one, uncached.
      if (!got.shared) throw err;
      shared = await buildShared(kernel, ctx, info);
    }
    if (shared.seq !== seq) throw new Error(`snapshot cache served seq ${shared.seq} for ${seq}`);

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
    const personal: Record<string, unknown> = {
      seq,
      me: { role: actor.role, id: actor.attendeeId ?? actor.organizerId ?? actor.role, name, attributes },
      serverTime: kernel.now().toISOString(),
    };
    for (const m of kernel.modules) {
      if (m.personalSnapshot) personal[m.name] = await m.personalSnapshot({ ...ctx, actor }, shared.parts[m.name]);
    }
    return { snapshot: personal as SnapshotPersonal, shared: shared.bytes };
  });
}
