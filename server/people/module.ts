/**
 * The people module: identities (attendee tokens), names, profiles/attributes, presence and the "who is
 * here" count. Every other feature reads people through the `People` API it returns.
 */
import { IdentitiesPerAddress } from './identities-per-address.js';
import { JoinTags } from './join-tags.js';
import type { Kysely, Transaction } from 'kysely';
import { DomainError } from '../../shared/errors.js';
import type { PersonView } from '../../shared/people/index.js';
import { sha256Hex } from '../auth/tokens.js';
import type { DB } from '../db/types.js';
import { findEventById, rowToInfo } from '../events/repository.js';
import { mergeChanges, type Changes, type Db, type FeatureModule, type Kernel } from '../kernel/feature.js';
import { changedPeople, mergePresence, Presence, type PresenceValue } from './presence.js';
import { attendeeByTokenHash, findAttendee, joinFacts, namesOf, peopleByIds, peopleOfEvent, updateAttendee, type PersonRow } from './repository.js';
import { peopleRoutes } from './routes.js';

/** What other features use of people. */
export interface People {
  /** The given attendees of this event (unknown ids are left out). */
  byIds(db: Db, eventId: string, ids: readonly string[]): Promise<PersonRow[]>;
  namesOf(db: Db, ids: readonly string[]): Promise<Map<string, string | null>>;
  /** One attendee of this event, or undefined. */
  find(db: Db, eventId: string, id: string): Promise<{ id: string; name: string | null; attributes: Record<string, string> } | undefined>;
  isOnline(eventId: string, attendeeId: string): boolean;
  /** Online attendees in the order they came. */
  onlineIds(eventId: string): string[];
  /** Everyone known to the event (online or not, roster entries included), in the order they were added. */
  all(db: Db, eventId: string): Promise<PersonRow[]>;
  /** When these attendees joined (ISO) and which of them joined from one address (equal tags; null: unknown). */
  joinFacts(db: Db, eventId: string, ids: readonly string[]): Promise<Map<string, { joinedAt: string; joinTag: string | null }>>;
}

export interface PeopleModule extends FeatureModule {
  api: People;
}

export function personView(p: PersonRow, online: boolean): PersonView {
  return { id: p.id, name: p.name, attributes: p.attributes, online, invited: p.invited };
}

const PRESENCE_TOPIC = 'people:presence';
const STATE_TOPIC = 'people:state';
/** Cluster mode: every node sends its whole presence this often; silent for NODE_SILENT_MS = gone. */
export const HEARTBEAT_MS = 2_000;
export const NODE_SILENT_MS = 7_000;

export function createPeopleModule(kernel: Kernel): PeopleModule {
  let heartbeat: NodeJS.Timeout | null = null;
  /** The count last sent per event (absent: 0), so `people:count` goes out only when it changed. */
  const sentCount = new Map<string, number>();

  const window = kernel.coalescer<PresenceValue>({
    name: 'presence',
    windowMs: 500,
    merge: mergePresence,
    async flush(trx, eventId, entries) {
      const ids = changedPeople(entries);
      const people = ids ? await peopleByIds(trx, eventId, ids) : [];
      const present = presence.count(eventId);
      // A client starts from the snapshot's live count; 0 is what an event without flushes has sent.
      const countChanged = (sentCount.get(eventId) ?? 0) !== present;
      if (people.length === 0 && !countChanged) return null;
      const staff: Changes['staff'] = [];
      const pub: Changes['pub'] = [];
      if (people.length) staff.push({ type: 'people:presence', people: people.map((p) => personView(p, presence.isOnline(eventId, p.id))) });
      if (countChanged) {
        sentCount.set(eventId, present);
        staff.push({ type: 'people:count', present });
        pub.push({ type: 'people:count', present });
      }
      return { staff, pub };
    },
  });
  const presence = new Presence(window);

  /** Tells the other modules, inside the transaction, that these people changed; null when none of them cares. */
  async function peopleChanged(trx: Transaction<DB>, eventId: string, ids: readonly string[]): Promise<Partial<Changes> | null> {
    const parts: Array<Partial<Changes>> = [];
    for (const m of kernel.modules) {
      const part = await m.onPeopleChanged?.(trx, eventId, ids);
      if (part) parts.push(part);
    }
    return parts.length ? mergeChanges(...parts) : null;
  }

  const api: People = {
    byIds: peopleByIds,
    namesOf,
    find: findAttendee,
    isOnline: (eventId, id) => presence.isOnline(eventId, id),
    onlineIds: (eventId) => presence.onlineIds(eventId),
    all: peopleOfEvent,
    joinFacts,
  };

  const perAddress = new IdentitiesPerAddress();
  const joinTags = new JoinTags();

  return {
    name: 'people',
    api,
    migrations: {
      /** Issue 12: identities that joined from one address share a random tag (join-tags.ts), never the address. */
      '20261201_people_join_tag': {
        async up(db: Kysely<unknown>) {
          await db.schema.alterTable('attendees').addColumn('join_tag', 'varchar(24)').execute();
        },
      },
    },
    limits: {
      // Per IP address. Joining is generous: a whole company may sit behind one NAT address.
      join: { capacity: kernel.config.joinLimitPerMinute, perMs: 60_000, window: true },
    },
    identity: {
      attendeeByToken: (db, eventId, token) => attendeeByTokenHash(db, eventId, sha256Hex(token)),
      describe: (db, eventId, id) => findAttendee(db, eventId, id).then((a) => a ?? null),
    },
    routes: () => peopleRoutes(kernel, { changed: peopleChanged, touch: (eventId, ids) => presence.touch(eventId, ids), perAddress, joinTags }),

    // Personal part only: the count and who is online live in memory (no seq), and people join without
    // a commit; the staff list is read per request as before.
    async personalSnapshot({ trx, eventId, audience }) {
      const present = presence.count(eventId);
      if (audience !== 'staff') return { people: [], present };
      const people = await peopleOfEvent(trx, eventId);
      return { people: people.map((p) => personView(p, presence.isOnline(eventId, p.id))), present };
    },

    onPresence(eventId, attendeeId, online) {
      // They stay in their groups (they may come back); staff only see them go offline.
      const flipped = online ? presence.connect(eventId, attendeeId) : presence.disconnect(eventId, attendeeId);
      if (flipped && kernel.cluster.enabled) kernel.cluster.publish(PRESENCE_TOPIC, { eventId, attendeeId, online });
    },

    async start() {
      // Cluster mode: who is online on the other nodes (see presence.ts). Each node sends its flips as they
      // happen and its whole state every few seconds (a heartbeat that heals lost messages); a node that
      // stays silent is gone and its attendees go offline.
      kernel.cluster.subscribe(PRESENCE_TOPIC, (payload, from) => {
        const p = payload as { eventId: string; attendeeId: string; online: boolean };
        presence.remoteChange(from, p.eventId, p.attendeeId, p.online, Date.now());
      });
      kernel.cluster.subscribe(STATE_TOPIC, (payload, from) => presence.remoteState(from, (payload as { events: Record<string, string[]> }).events, Date.now()));
      heartbeat = setInterval(() => {
        if (!kernel.cluster.enabled) return;
        kernel.cluster.publish(STATE_TOPIC, { events: presence.local() });
        presence.expire(Date.now(), NODE_SILENT_MS);
      }, HEARTBEAT_MS);
      heartbeat.unref();
    },

    async stop() {
      if (heartbeat) clearInterval(heartbeat);
    },

    forgetEvent(eventId) {
      presence.forgetEvent(eventId);
      perAddress.forgetEvent(eventId);
      joinTags.forgetEvent(eventId);
      sentCount.delete(eventId);
    },

    handlers: {
      /**
       * A new display name for future questions (questions already asked keep theirs). Features that show
       * names resend what changed (group mates see the new name at once); staff get it with the next
       * presence flush.
       */
      'attendee:rename': {
        serial: true,
        async run(ctx, { name }) {
          const { eventId } = ctx.actor;
          const attendeeId = ctx.actor.attendeeId ?? '';
          const clean = name.trim() || null;
          const out = await kernel.commit(eventId, async (trx) => {
            await updateAttendee(trx, attendeeId, { name: clean });
            return { result: { name: clean }, changes: await peopleChanged(trx, eventId, [attendeeId]) };
          });
          presence.touch(eventId, [attendeeId]);
          return out;
        },
      },

      /**
       * Answers to the organizer's attendee fields. Only defined keys are accepted; an empty value removes
       * the answer; attributes from a roster import that the organizer did not define stay as they are. The
       * answers after the update must include every required field (an answer saved earlier counts), else
       * nothing is saved.
       */
      'attendee:profile': {
        serial: true,
        async run(ctx, { attributes }) {
          const { eventId } = ctx.actor;
          const attendeeId = ctx.actor.attendeeId ?? '';
          const row = await findEventById(kernel.db, eventId);
          if (!row) throw new DomainError('not_found', 'this event no longer exists');
          const fields = rowToInfo(row).settings.attendeeFields;
          const defined = new Set(fields.map((f) => f.key));
          const unknown = Object.keys(attributes).filter((k) => !defined.has(k));
          if (unknown.length) {
            throw new DomainError('invalid_payload', `this event does not ask for: ${unknown.join(', ')}`, { fields: unknown.map((k) => `attributes.${k}`) });
          }
          const next = { ...((await findAttendee(kernel.db, eventId, attendeeId))?.attributes ?? {}) };
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
          // Like a rename: features that depend on attributes hear of it in the same transaction (breakouts
          // places a walk-in once the required fields are answered, so the spread rule knows their value).
          const out = await kernel.commit(eventId, async (trx) => {
            await updateAttendee(trx, attendeeId, { attributes: next });
            return { result: { attributes: next }, changes: await peopleChanged(trx, eventId, [attendeeId]) };
          });
          presence.touch(eventId, [attendeeId]);
          return out;
        },
      },
    },
  };
}
