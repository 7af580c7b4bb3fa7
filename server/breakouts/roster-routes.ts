/**
 * Roster import: POST /api/events/:id/roster with a CSV body creates invited attendees, each with a
 * personal join link; GET lists them with their links again. For organizers (cookie) and facilitators
 * (their link's token as Bearer or ?token=). The invite token is kept in plain text next to its hash:
 * like the role links it is a capability the facilitator must be able to show again.
 */
import express, { Router, type Request } from 'express';
import type { RosterEntry, RosterResult } from '../../shared/api.js';
import { DomainError } from '../../shared/errors.js';
import { baseUrl, bearerToken, organizerOf } from '../auth/http.js';
import { newId, newToken, sha256Hex, tokensEqual } from '../auth/tokens.js';
import type { EventRow } from '../db/types.js';
import { findEventById } from '../events/repository.js';
import type { Services } from '../services.js';
import { parseRoster } from './core/roster.js';
import { peopleOfEvent, type PersonRow } from './repository.js';


async function authorize(req: Request<{ id: string }>, services: Services): Promise<EventRow> {
  const event = await findEventById(services.db, req.params.id);
  const token = bearerToken(req);
  const allowed = token ? event !== undefined && tokensEqual(event.facilitator_token, token) : (await organizerOf(req, services)) !== null;
  if (!allowed) throw new DomainError('unauthorized', 'log in as an organizer or use the facilitator link');
  if (!event) throw new DomainError('not_found', 'no such event');
  return event;
}

function entry(base: string, event: EventRow, p: PersonRow): RosterEntry {
  return {
    attendeeId: p.id,
    name: p.name,
    email: p.email,
    attributes: p.attributes,
    link: `${base}/e/${event.code}?invite=${encodeURIComponent(p.inviteToken ?? '')}`,
  };
}

export function rosterRoutes(services: Services): Router {
  const router = Router();

  router.get('/events/:id/roster', async (req, res) => {
    const event = await authorize(req, services);
    const people = (await peopleOfEvent(services.db, event.id))
      .filter((p) => p.invited)
      .sort((a, b) => (a.name ?? '').localeCompare(b.name ?? '', 'de', { sensitivity: 'base' }) || a.id.localeCompare(b.id));
    const body: RosterResult = { entries: people.map((p) => entry(baseUrl(req, services), event, p)) };
    res.json(body);
  });

  router.post('/events/:id/roster', express.text({ type: ['text/csv', 'text/plain', 'application/csv'], limit: '1mb' }), async (req, res) => {
    const event = await authorize(req, services);
    if (typeof req.body !== 'string') throw new DomainError('invalid_payload', 'send the roster as Content-Type: text/csv', { fields: ['(body)'] });
    // Everything is checked before the first write; the import itself is one transaction.
    const rows = parseRoster(req.body);
    const now = services.now().toISOString();
    const ids = await services.db.transaction().execute(async (trx) => {
      const existing = (await peopleOfEvent(trx, event.id)).filter((p) => p.invited);
      const byEmail = new Map(existing.filter((p) => p.email).map((p) => [p.email!, p]));
      const byName = new Map(existing.filter((p) => !p.email && p.name).map((p) => [p.name!.toLowerCase(), p]));
      const out: string[] = [];
      for (const row of rows) {
        const match = row.email ? (byEmail.get(row.email) ?? byName.get(row.name.toLowerCase())) : byName.get(row.name.toLowerCase());
        if (match) {
          // A re-import updates the entry; attributes missing from this file stay as they were.
          const attributes = { ...match.attributes, ...row.attributes };
          await trx
            .updateTable('attendees')
            .set({ name: row.name, email: row.email ?? match.email, attributes: JSON.stringify(attributes) })
            .where('id', '=', match.id)
            .execute();
          byName.delete(row.name.toLowerCase());
          out.push(match.id);
        } else {
          const token = newToken();
          const id = newId();
          await trx
            .insertInto('attendees')
            .values({
              id,
              event_id: event.id,
              token_hash: sha256Hex(token),
              invite_token: token,
              invited: 1,
              name: row.name,
              email: row.email,
              attributes: JSON.stringify(row.attributes),
              created_at: now,
            })
            .execute();
          out.push(id);
        }
      }
      // A re-import may rename people who are in rounds already.
      services.breakouts.publicRounds.delete(event.id);
      return out;
    });
    services.breakouts.presence.touch(event.id, ids);
    const people = new Map((await peopleOfEvent(services.db, event.id)).map((p) => [p.id, p]));
    const base = baseUrl(req, services);
    const body: RosterResult = { entries: ids.map((id) => entry(base, event, people.get(id)!)) };
    res.json(body);
  });

  return router;
}
