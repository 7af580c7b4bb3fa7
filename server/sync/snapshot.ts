/**
 * sync:snapshot: the full state an audience may see, with the seq it reflects. Read in one transaction so
 * the seq and the rows agree; a fixed number of queries whatever the size of the event (no N+1).
 */
import { DomainError } from '../../shared/errors.js';
import { PROTOCOL_VERSION } from '../../shared/version.js';
import type { Snapshot } from '../../shared/sync/schemas.js';
import { breakoutsSnapshot } from '../breakouts/snapshot.js';
import { parseAttributes } from '../breakouts/repository.js';
import { findEventById, rowToInfo } from '../events/repository.js';
import { publicEventInfo } from '../events/settings.js';
import { toMod, toPublic } from '../qa/core/views.js';
import { boardOf, countPending, listForModerators, listOwn, listPublic, listVotedIds } from '../qa/repository.js';
import type { Services } from '../services.js';
import { isStaffRole } from './rooms.js';
import type { SocketData } from './socket-types.js';

export async function buildSnapshot(services: Services, actor: SocketData): Promise<Snapshot> {
  return services.db.transaction().execute(async (trx) => {
    const row = await findEventById(trx, actor.eventId);
    if (!row) throw new DomainError('not_found', 'this event no longer exists');
    const info = rowToInfo(row);
    const seq = Number(row.seq);
    let name: string | null = null;
    let attributes: Record<string, string> = {};
    if (actor.attendeeId) {
      const attendee = await trx.selectFrom('attendees').select(['name', 'attributes']).where('id', '=', actor.attendeeId).executeTakeFirst();
      name = attendee?.name ?? null;
      attributes = parseAttributes(attendee?.attributes ?? '{}');
    } else if (actor.organizerId) {
      const organizer = await trx.selectFrom('organizers').select('email').where('id', '=', actor.organizerId).executeTakeFirst();
      name = organizer?.email ?? null;
    }
    const me = { role: actor.role, id: actor.attendeeId ?? actor.organizerId ?? actor.role, name, attributes };
    const serverTime = services.now().toISOString();

    if (isStaffRole(actor.role)) {
      const all = await listForModerators(trx, actor.eventId);
      const board = boardOf(all.filter((q) => q.state === 'live'));
      return {
        protocol: PROTOCOL_VERSION,
        seq,
        me,
        event: info,
        qa: {
          questions: all.map(toMod),
          highlightedId: board.highlightedId,
          queue: board.queue,
          pendingCount: all.filter((q) => q.state === 'pending').length,
          myVotes: [],
          own: [],
        },
        breakouts: await breakoutsSnapshot(trx, services, actor.eventId, true),
        serverTime,
      };
    }

    let list = services.publicLists.get(actor.eventId);
    if (!list) {
      const visible = await listPublic(trx, actor.eventId);
      list = { questions: visible.map(toPublic), board: boardOf(visible.filter((q) => q.state === 'live')) };
      services.publicLists.set(actor.eventId, list);
    }
    const { board } = list;
    const own = actor.attendeeId ? await listOwn(trx, actor.attendeeId) : [];
    const visibleIds = new Set(list.questions.map((q) => q.id));
    return {
      protocol: PROTOCOL_VERSION,
      seq,
      me,
      event: publicEventInfo(info),
      qa: {
        questions: list.questions,
        highlightedId: board.highlightedId,
        queue: board.queue,
        pendingCount: await countPending(trx, actor.eventId),
        // Only votes on questions in this snapshot: votes on rejected or withdrawn ones are of no use to the client.
        myVotes: actor.attendeeId ? (await listVotedIds(trx, actor.attendeeId)).filter((id) => visibleIds.has(id)) : [],
        own: own.map(toPublic),
      },
      breakouts: await breakoutsSnapshot(trx, services, actor.eventId, false),
      serverTime,
    };
  });
}
