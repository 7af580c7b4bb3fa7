/**
 * The wire contract of the Socket.IO connection, folded from the kernel's own messages and every feature
 * in shared/features.ts. Every client→server message is a command with a zod payload schema, a result
 * schema and the roles allowed to send it; the typed event maps below are inferred from this table, and
 * the server registers its handlers from it.
 */
import { z } from 'zod';
import type { Ack } from './errors.js';
import { EventCode, EventInfo, EventSettingsPatch } from './events/schemas.js';
import { sharedFeatures, type SharedFeatures } from './features.js';
import {
  foldCommands, type ChangesOf, type CommandSpec, type PersonalOf, type SnapshotShapeOf,
} from './kernel/contract.js';
import { everyone, LinkRole, moderators, Role } from './kernel/roles.js';
import { HANDSHAKE_ERRORS, TOKEN_LENGTH } from './kernel/handshake.js';

// ---- snapshot ----

export const Me = z.object({
  role: Role,
  /** Attendee id, organizer id, or the role name for link holders. */
  id: z.string(),
  name: z.string().nullable(),
  /** Attendees: answers to the event's attendee fields (e.g. company). */
  attributes: z.record(z.string(), z.string()).default({}),
});
export type Me = z.infer<typeof Me>;

const featureSnapshots = Object.fromEntries(Object.entries(sharedFeatures).map(([name, f]) => [name, f.snapshot])) as SnapshotShapeOf<SharedFeatures>;

/** The kernel's part plus one key per feature (people, qa, breakouts …). */
export const Snapshot = z.object({
  protocol: z.number().int(),
  seq: z.number().int().nonnegative(),
  me: Me,
  event: EventInfo,
  /** The server's clock when the snapshot was taken, so countdowns agree across devices. */
  serverTime: z.string(),
  ...featureSnapshots,
});
export type Snapshot = z.infer<typeof Snapshot>;

export const SnapshotCommand = z.object({}).strict();

/**
 * The snapshot travels in two parts (docs/protocol.md): `shared`, the UTF-8 JSON of what everyone of the
 * same view sees at that seq (`protocol`, `seq`, `event` and each feature's shared fields), serialised
 * once on the server and sent as a binary attachment; and `snapshot`, the personal part (`seq`, `me`,
 * `serverTime` and each feature's personal fields). shared/snapshot.ts `assembleSnapshot` merges them
 * into a `Snapshot`, one level deep per feature.
 */
export const SnapshotPersonal = z
  .object({ seq: z.number().int().nonnegative(), me: Me, serverTime: z.string() })
  .catchall(z.record(z.string(), z.unknown()));
export type SnapshotPersonal = z.infer<typeof SnapshotPersonal>;
/** Node: a Buffer; browsers: an ArrayBuffer. */
export const SnapshotBytes = z.custom<Uint8Array | ArrayBuffer>((v) => v instanceof Uint8Array || v instanceof ArrayBuffer, 'binary');
export const SnapshotResult = z.object({ snapshot: SnapshotPersonal, shared: SnapshotBytes });

// ---- commands ----

const kernelCommands = {
  /** Full state of the event for this role, with the seq it reflects. Also the resync after a gap. */
  'sync:snapshot': { payload: SnapshotCommand, result: SnapshotResult, roles: everyone },
  'event:settings': { payload: EventSettingsPatch, result: z.object({ event: EventInfo }), roles: moderators },
} as const satisfies Record<string, CommandSpec>;

export const commands = { ...kernelCommands, ...foldCommands(sharedFeatures) } satisfies Record<string, CommandSpec>;

export type Commands = typeof commands;
export type CommandName = keyof Commands;
export type CommandPayload<K extends CommandName> = z.input<Commands[K]['payload']>;
export type ParsedPayload<K extends CommandName> = z.output<Commands[K]['payload']>;
export type CommandResult<K extends CommandName> = z.output<Commands[K]['result']>;
export type CommandAck<K extends CommandName> = Ack<CommandResult<K>>;

export type ClientToServerEvents = {
  [K in CommandName]: (payload: CommandPayload<K>, ack: (res: CommandAck<K>) => void) => void;
};

// ---- changes ----

const kernelChanges = [
  /** The event's info changed: staff get it whole, the public without what it may not see. */
  z.object({ type: z.literal('event:update'), event: EventInfo }),
] as const;

type ChangeMember = (typeof kernelChanges)[number] | ChangesOf<SharedFeatures>;
const changeMembers = [...kernelChanges, ...Object.values(sharedFeatures).flatMap((f): readonly z.ZodObject[] => f.changes)] as unknown as [ChangeMember, ...ChangeMember[]];

/**
 * One change inside a delta. Both audiences receive a delta with the same seq for every change of the
 * event (possibly with no changes), each with what it may see.
 */
export const Change = z.discriminatedUnion('type', changeMembers);
export type Change = z.infer<typeof Change>;

/** A numbered batch of changes; seq increases by exactly one per delta of an event. */
export const Delta = z.object({ seq: z.number().int().nonnegative(), changes: z.array(Change) });
export type Delta = z.infer<typeof Delta>;

type PersonalMember = PersonalOf<SharedFeatures>;
const personalMembers = Object.values(sharedFeatures).flatMap((f): readonly z.ZodObject[] => f.personal) as unknown as [PersonalMember, ...PersonalMember[]];

/** A change for the tabs of one attendee: idempotent upserts outside the seq. */
export const PersonalChange = z.discriminatedUnion('type', personalMembers);
export type PersonalChange = z.infer<typeof PersonalChange>;
export const Personal = z.object({ changes: z.array(PersonalChange) });
export type Personal = z.infer<typeof Personal>;

// ---- server → client events ----
export const RevokedReason = z.enum(['link_rotated', 'event_deleted']);
export const serverEvents = {
  /** A numbered batch of changes for the receiver's audience (staff or public). */
  'sync:delta': Delta,
  /**
   * Several consecutive numbered batches in one message (the public room's cadence: deltas of one tick go
   * out together); applied in order exactly like that many `sync:delta`.
   */
  'sync:deltas': z.object({ deltas: z.array(Delta) }),
  /** Changes for the receiving attendee only (all their tabs), e.g. their own question or their vote in another tab. */
  'sync:personal': Personal,
  /** Sent just before the server drops the connection for good; the client must not reconnect. */
  'session:revoked': z.object({ reason: RevokedReason }),
} as const;
export type ServerEventName = keyof typeof serverEvents;
export type ServerToClientEvents = {
  [K in ServerEventName]: (payload: z.output<(typeof serverEvents)[K]>) => void;
};

/** What the client passes as `auth` when it opens the socket. */
export const HandshakeAuth = z.object({
  protocol: z.number().int(),
  code: EventCode,
  /** A role link token or an attendee token. Organizers send none and are known by their session cookie. */
  token: z.string().min(TOKEN_LENGTH.min).max(TOKEN_LENGTH.max).optional(),
  /**
   * The page of a role link names the role it needs (stage and overlay: `stage`); a token of another role
   * is refused with `wrong_role` before anything is sent. An organizer (session cookie) passes every page.
   */
  expect: LinkRole.optional(),
});
export type HandshakeAuth = z.infer<typeof HandshakeAuth>;

/** Messages of connect_error, so the client can tell why it was refused. */
export const HandshakeError = z.enum(HANDSHAKE_ERRORS);
export type HandshakeError = z.infer<typeof HandshakeError>;

/** `data` of a `wrong_role` connect_error: the role the page needs and the role the token gives. */
export const WrongRoleData = z.object({ expected: LinkRole, actual: Role });
export type WrongRoleData = z.infer<typeof WrongRoleData>;
