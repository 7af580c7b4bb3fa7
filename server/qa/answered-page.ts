/**
 * `qa:answeredPage`: the answered questions older than the cursor, ANSWERED_PAGE at a time, newest first
 * (shared/qa/answered.ts), in the sender's view (moderators, organizers and facilitators: ModQuestion,
 * as in their snapshot; everyone else the public view) with the attendee's votes among them. A read:
 * not in the event's queue, one transaction so the page and the votes agree.
 */
import { answeredPageOf } from '../../shared/qa/index.js';
import { isStaffRole } from '../../shared/kernel/roles.js';
import type { Handler, Kernel } from '../kernel/feature.js';
import { toMod, toPublic } from './core/views.js';
import { listAnswered, listVotedIds } from './repository.js';

export function answeredPageHandler(kernel: Kernel): Handler<'qa:answeredPage'> {
  return {
    serial: false,
    async run(ctx, { before }) {
      const { eventId, attendeeId, role } = ctx.actor;
      const result = await kernel.db.transaction().execute(async (trx) => {
        const page = answeredPageOf(await listAnswered(trx, eventId), before);
        const ids = new Set(page.questions.map((q) => q.id));
        const myVotes = attendeeId ? (await listVotedIds(trx, attendeeId)).filter((id) => ids.has(id)) : [];
        return {
          questions: page.questions.map(isStaffRole(role) ? toMod : toPublic),
          older: page.older,
          myVotes,
        };
      });
      return { result };
    },
  };
}
