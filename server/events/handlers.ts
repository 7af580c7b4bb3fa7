/** Socket handlers that are not Q&A or breakouts: snapshot, settings, attendee name and profile. */
import { DomainError } from '../../shared/errors.js';
import { commitBreakouts, viewerFor } from '../breakouts/service.js';
import { mergeChanges, roundChanges } from '../breakouts/core/views.js';
import { listHelp, loadRounds, parseAttributes } from '../breakouts/repository.js';
import type { Handler } from '../sync/dispatch.js';
import { buildSnapshot } from '../sync/snapshot.js';
import { findEventById, rowToInfo } from './repository.js';
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

/**
 * A new display name for future questions (questions already asked keep theirs). Rounds the person is in
 * are sent again (group mates see the new name at once); staff get it with the next presence flush.
 */
export const rename: Handler<'attendee:rename'> = {
  serial: true,
  async run(ctx, { name }) {
    const { eventId } = ctx.actor;
    const attendeeId = ctx.actor.attendeeId ?? '';
    const clean = name.trim() || null;
    const out = await commitBreakouts(ctx.services, eventId, async (trx) => {
      await trx.updateTable('attendees').set({ name: clean }).where('id', '=', attendeeId).execute();
      const rounds = (await loadRounds(trx, eventId)).filter((r) => r.groups.some((g) => g.members.includes(attendeeId)));
      // Their help requests carry the name too.
      const help = await listHelp(trx, eventId, { attendeeId });
      if (rounds.length === 0 && help.length === 0) return { result: { name: clean }, changes: null };
      const view = await viewerFor(trx, rounds);
      const helpChanges = { staff: help.map((request) => ({ type: 'breakouts:help' as const, request })), pub: [] };
      return { result: { name: clean }, changes: mergeChanges(...rounds.map((r) => roundChanges(r, r, view)), helpChanges) };
    });
    ctx.services.breakouts.presence.touch(eventId, [attendeeId]);
    return out;
  },
};

/**
 * Answers to the organizer's attendee fields. Only defined keys are accepted; an empty value removes the
 * answer; attributes from a roster import that the organizer did not define stay as they are. The answers
 * after the update must include every required field (an answer saved earlier counts), else nothing is saved.
 */
export const profile: Handler<'attendee:profile'> = {
  serial: true,
  async run(ctx, { attributes }) {
    const { eventId } = ctx.actor;
    const attendeeId = ctx.actor.attendeeId ?? '';
    const row = await findEventById(ctx.services.db, eventId);
    if (!row) throw new DomainError('not_found', 'this event no longer exists');
    const fields = rowToInfo(row).settings.attendeeFields;
    const defined = new Set(fields.map((f) => f.key));
    const unknown = Object.keys(attributes).filter((k) => !defined.has(k));
    if (unknown.length) {
      throw new DomainError('invalid_payload', `this event does not ask for: ${unknown.join(', ')}`, { fields: unknown.map((k) => `attributes.${k}`) });
    }
    const current = await ctx.services.db.selectFrom('attendees').select('attributes').where('id', '=', attendeeId).executeTakeFirst();
    const next = parseAttributes(current?.attributes ?? '{}');
    for (const [key, value] of Object.entries(attributes)) {
      if (value) next[key] = value;
      else delete next[key];
    }
    // The client asks for required answers too, but only the server's check holds for every client.
    const missing = fields.filter((f) => f.required && !next[f.key]?.trim());
    if (missing.length) {
      throw new DomainError('invalid_payload', `this event requires an answer for: ${missing.map((f) => f.label).join(', ')}`, {
        fields: missing.map((f) => `attributes.${f.key}`),
      });
    }
    await ctx.services.db.updateTable('attendees').set({ attributes: JSON.stringify(next) }).where('id', '=', attendeeId).execute();
    ctx.services.breakouts.presence.touch(eventId, [attendeeId]);
    return { result: { attributes: next } };
  },
};
