import { z } from 'zod';
import { EventInfo, Role } from '../events/schemas.js';
import { sharedFeatures, type FeatureName, type SharedFeatures } from '../features.js';

type Features = SharedFeatures[FeatureName];
type FeatureChange = Features['changes'][number];
type FeaturePersonal = Features['personal'][number];

const features: ReadonlyArray<{ changes: readonly z.ZodObject[]; personal: readonly z.ZodObject[] }> = Object.values(sharedFeatures);

/** The kernel's own change: the event's info (title, settings …) changed. */
const EventUpdate = z.object({ type: z.literal('event:update'), event: EventInfo });

/**
 * One change inside a delta: the kernel's `event:update` and every registered feature's changes. Both
 * audiences receive a delta with the same seq for every change of the event.
 */
export const Change = z.discriminatedUnion(
  'type',
  [EventUpdate, ...features.flatMap((f) => [...f.changes])] as unknown as [typeof EventUpdate, ...FeatureChange[]],
);
export type Change = z.infer<typeof Change>;

/** A numbered batch of changes; seq increases by exactly one per delta of an event. */
export const Delta = z.object({ seq: z.number().int().nonnegative(), changes: z.array(Change) });
export type Delta = z.infer<typeof Delta>;

/** One change of `sync:personal`: for one attendee's tabs only, idempotent, outside the seq. */
export const PersonalChange = z.discriminatedUnion(
  'type',
  features.flatMap((f) => [...f.personal]) as unknown as [FeaturePersonal, ...FeaturePersonal[]],
);
export type PersonalChange = z.infer<typeof PersonalChange>;

export const Personal = z.object({ changes: z.array(PersonalChange) });
export type Personal = z.infer<typeof Personal>;

export const Me = z.object({
  role: Role,
  /** Attendee id, organizer id, or the role name for link holders. */
  id: z.string(),
  name: z.string().nullable(),
  /** Attendees: answers to the event's attendee fields (e.g. company). */
  attributes: z.record(z.string(), z.string()).default({}),
});
export type Me = z.infer<typeof Me>;

type FeatureSnapshots = { [K in FeatureName]: SharedFeatures[K]['snapshot'] };
const featureSnapshots = Object.fromEntries(
  Object.entries(sharedFeatures).map(([name, f]) => [name, f.snapshot]),
) as unknown as FeatureSnapshots;

/** The kernel's fields plus one key per feature (its part, for the receiver's audience). */
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
export const SnapshotResult = z.object({ snapshot: Snapshot });
