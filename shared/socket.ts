/**
 * The wire contract of the Socket.IO connection. Every client→server message is a command with a zod
 * payload schema, a result schema and the roles allowed to send it; the typed event maps below are
 * inferred from this table, and the server registers its handlers from it.
 */
import { z } from 'zod';
import type { Ack } from './errors.js';
import { EventCode, EventInfo, EventSettingsPatch } from './events/schemas.js';
import { sharedFeatures, type FeatureName, type SharedFeatures } from './features.js';
import { everyone, moderators, type UnionToIntersection } from './kernel/contract.js';
import { Delta, Personal, SnapshotCommand, SnapshotResult } from './sync/schemas.js';

export type { CommandSpec } from './kernel/contract.js';

const kernelCommands = {
  /** Full state of the event for this role, with the seq it reflects. Also the resync after a gap. */
  'sync:snapshot': { payload: SnapshotCommand, result: SnapshotResult, roles: everyone },
  'event:settings': { payload: EventSettingsPatch, result: z.object({ event: EventInfo }), roles: moderators },
} as const;

type FeatureCommands = UnionToIntersection<SharedFeatures[FeatureName]['commands']>;

/** The kernel's commands and every registered feature's, in one table. */
export const commands = Object.assign(
  {},
  kernelCommands,
  ...Object.values(sharedFeatures).map((f) => f.commands),
) as typeof kernelCommands & FeatureCommands;

export type Commands = typeof commands;
export type CommandName = keyof Commands;
export type CommandPayload<K extends CommandName> = z.input<Commands[K]['payload']>;
export type ParsedPayload<K extends CommandName> = z.output<Commands[K]['payload']>;
export type CommandResult<K extends CommandName> = z.output<Commands[K]['result']>;
export type CommandAck<K extends CommandName> = Ack<CommandResult<K>>;

export type ClientToServerEvents = {
  [K in CommandName]: (payload: CommandPayload<K>, ack: (res: CommandAck<K>) => void) => void;
};

// ---- server → client events ----
export const RevokedReason = z.enum(['link_rotated', 'event_deleted']);
export const serverEvents = {
  /** A numbered batch of changes for the receiver's audience (moderators or public). */
  'sync:delta': Delta,
  /** Changes for one attendee's tabs only (own questions, own votes …): idempotent, outside the seq. */
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
  token: z.string().min(16).max(200).optional(),
});
export type HandshakeAuth = z.infer<typeof HandshakeAuth>;

/** Messages of connect_error, so the client can tell why it was refused. */
export const HandshakeError = z.enum(['protocol_mismatch', 'unauthorized', 'not_found', 'invalid_payload']);
export type HandshakeError = z.infer<typeof HandshakeError>;
