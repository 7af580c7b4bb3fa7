/**
 * REST of the people module. POST /api/join/:code/attendees issues a new attendee identity.
 *
 * Roster import: POST /api/events/:id/roster with a CSV body creates invited attendees, each with a
 * personal join link; GET lists them with their links again. For organizers (cookie) and facilitators
 * (their link's token as Bearer or ?token=). The invite token is kept in plain text next to its hash:
 * like the role links it is a capability the facilitator must be able to show again.
 */
import { parseStoredSettings } from '../events/settings.js';
import type { IdentitiesPerAddress } from './identities-per-address.js';
import type { JoinTags } from './join-tags.js';
import express, { Router, type Request } from 'express';
import { IssueAttendeeBody, type AttendeeIssued, type RosterEntry, type RosterResult } from '../../shared/people/index.js';
import { DomainError } from '../../shared/errors.js';
import { baseUrl, bearerToken, organizerOf } from '../auth/http.js';
import { newId, newToken, sha256Hex, tokensEqual } from '../auth/tokens.js';
import type { EventRow } from '../db/types.js';
import { findEventById } from '../events/repository.js';
import { eventByCode } from '../events/join-routes.js';
import { parse } from '../http/errors.js';
import type { Changes, Kernel } from '../kernel/feature.js';
import type { Transaction } from 'kysely';
import type { DB } from '../db/types.js';
import { parseRoster } from './core/roster.js';
import { insertAttendee, peopleOfEvent, updateAttendee, type PersonRow } from './repository.js';

async function authorize(req: Request<{ id: string }>, kernel: Kernel): Promise<EventRow> {
  const event = await findEventById(kernel.db, req.params.id);
  const token = bearerToken(req);
  const allowed = token ? event !== undefined && tokensEqual(event.facilitator_token, token) : (await organizerOf(req, kernel)) !== null;
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

/** What the routes need from the module: run the import as a commit that tells the other features. */
export interface RosterHooks {
  /** Names or attributes of these people changed (inside the import's transaction). */
  changed(trx: Transaction<DB>, eventId: string, ids: readonly string[]): Promise<Partial<Changes> | null>;
  touch(eventId: string, ids: readonly string[]): void;
  /** The event's own cap on new identities per address. */
  perAddress: IdentitiesPerAddress;
  /** Tags identities that joined from one address (for the Q&A's vote alert). */
  joinTags: JoinTags;
}

export function peopleRoutes(kernel: Kernel, hooks: RosterHooks): Router {
  const router = Router();

  router.post('/join/:code/attendees', async (req, res) => {
    // Counted across all nodes in cluster mode: the address is the venue's, whichever node it reaches.
    const wait = await kernel.hitAcrossNodes('join', req.ip ?? 'unknown');
    if (wait > 0) throw new DomainError('rate_limited', 'too many new participants from this address; try again shortly', { retryAfterMs: wait });
    const event = await eventByCode(kernel, req.params.code);
    const body = parse(IssueAttendeeBody, req.body ?? {});
    const { access } = parseStoredSettings(event.settings);
    if (access.inviteOnly) throw new DomainError('invite_only', 'this event takes only people with a personal invitation link');
    if (access.identitiesPerAddress !== null) {
      const held = hooks.perAddress.hit(event.id, req.ip ?? 'unknown', access.identitiesPerAddress, kernel.now().getTime());
      if (held > 0) throw new DomainError('rate_limited', 'this event takes no more new participants from this address today', { retryAfterMs: held });
    }
    const token = newToken();
    const attendeeId = newId();
    const now = kernel.now();
    const joinTag = hooks.joinTags.tagFor(event.id, req.ip ?? 'unknown', now.getTime());
    await insertAttendee(kernel.db, { id: attendeeId, eventId: event.id, tokenHash: sha256Hex(token), name: body.name?.trim() || null, now, joinTag });
    const issued: AttendeeIssued = { attendeeId, token };
    res.status(201).json(issued);
  });

  router.get('/events/:id/roster', async (req, res) => {
    const event = await authorize(req, kernel);
    const people = (await peopleOfEvent(kernel.db, event.id))
      .filter((p) => p.invited)
      .sort((a, b) => (a.name ?? '').localeCompare(b.name ?? '', 'de', { sensitivity: 'base' }) || a.id.localeCompare(b.id));
    const body: RosterResult = { entries: people.map((p) => entry(baseUrl(req, kernel), event, p)) };
    res.json(body);
  });

  router.post('/events/:id/roster', express.text({ type: ['text/csv', 'text/plain', 'application/csv'], limit: '1mb' }), async (req, res) => {
    const event = await authorize(req, kernel);
    if (typeof req.body !== 'string') throw new DomainError('invalid_payload', 'send the roster as Content-Type: text/csv', { fields: ['(body)'] });
    // Everything is checked before the first write; the import itself is one transaction.
    const rows = parseRoster(req.body);
    const now = kernel.now();
    // In the event's queue and one commit: features that show names (breakout rounds) resend what changed.
    const ids = await kernel.queues.run(event.id, async () => {
      const out = await kernel.commit(event.id, async (trx) => {
        const existing = (await peopleOfEvent(trx, event.id)).filter((p) => p.invited);
        const byEmail = new Map(existing.filter((p) => p.email).map((p) => [p.email!, p]));
        const byName = new Map(existing.filter((p) => !p.email && p.name).map((p) => [p.name!.toLowerCase(), p]));
        const imported: string[] = [];
        const updated: string[] = [];
        for (const row of rows) {
          const match = row.email ? (byEmail.get(row.email) ?? byName.get(row.name.toLowerCase())) : byName.get(row.name.toLowerCase());
          if (match) {
            // A re-import updates the entry; attributes missing from this file stay as they were.
            await updateAttendee(trx, match.id, { name: row.name, email: row.email ?? match.email, attributes: { ...match.attributes, ...row.attributes } });
            byName.delete(row.name.toLowerCase());
            imported.push(match.id);
            updated.push(match.id);
          } else {
            const token = newToken();
            const id = newId();
            await insertAttendee(trx, {
              id,
              eventId: event.id,
              tokenHash: sha256Hex(token),
              name: row.name,
              now,
              invite: { token, email: row.email, attributes: row.attributes },
            });
            imported.push(id);
          }
        }
        // A re-import may rename people who are in rounds already.
        return { result: imported, changes: updated.length ? await hooks.changed(trx, event.id, updated) : null };
      });
      out.publish();
      return out.result;
    });
    hooks.touch(event.id, ids);
    const people = new Map((await peopleOfEvent(kernel.db, event.id)).map((p) => [p.id, p]));
    const base = baseUrl(req, kernel);
    const body: RosterResult = { entries: ids.map((id) => entry(base, event, people.get(id)!)) };
    res.json(body);
  });

  return router;
}
