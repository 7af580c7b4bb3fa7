/** Socket handlers that are not Q&A: snapshot, settings, attendee rename. */
import type { Handler } from '../sync/dispatch.js';
import { buildSnapshot } from '../sync/snapshot.js';
import { updateEvent } from './service.js';

export const snapshot: Handler<'sync:snapshot'> = {
  serial: false,
  async run(ctx) {
    return { result: { snapshot: await buildSnapshot(ctx.services, ctx.actor) } };
  },
};

export const settings: Handler<'event:settings'> = {
  serial: true,
  async run(ctx, patch) {
    const out = await updateEvent(ctx.services, ctx.actor.eventId, { settings: patch });
    return { result: { event: out.result }, publish: out.publish };
  },
};

/** A new display name for future questions; questions already asked keep the name they were asked with. */
export const rename: Handler<'attendee:rename'> = {
  serial: false,
  async run(ctx, { name }) {
    const clean = name.trim() || null;
    await ctx.services.db.updateTable('attendees').set({ name: clean }).where('id', '=', ctx.actor.attendeeId ?? '').execute();
    return { result: { name: clean } };
  },
};
