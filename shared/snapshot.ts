/**
 * Puts the two parts of a `sync:snapshot` ack together (see SnapshotResult in shared/socket.ts): the
 * shared part (UTF-8 JSON, the same bytes for everyone of a view at a seq) and the personal part. Kernel
 * keys: `protocol`, `seq`, `event` come from the shared part, `me` and `serverTime` from the personal
 * one; each feature's part is `{ ...shared[feature], ...personal[feature] }`. Pure; client, tests and
 * benchmarks use it.
 */
import type { Snapshot, SnapshotPersonal } from './socket.js';

const decoder = new TextDecoder();

export function decodeSnapshotBytes(bytes: Uint8Array | ArrayBuffer): Record<string, unknown> {
  return JSON.parse(decoder.decode(bytes)) as Record<string, unknown>;
}

export function mergeSnapshotParts(shared: Record<string, unknown>, personal: Record<string, unknown>): Snapshot {
  if (shared.seq !== personal.seq) throw new Error(`snapshot parts of different seqs (${String(shared.seq)} and ${String(personal.seq)})`);
  const out: Record<string, unknown> = { ...shared };
  for (const [key, value] of Object.entries(personal)) {
    const base = out[key];
    out[key] = isPlainObject(base) && isPlainObject(value) ? { ...base, ...value } : value;
  }
  return out as Snapshot;
}

export function assembleSnapshot(result: { snapshot: SnapshotPersonal; shared: Uint8Array | ArrayBuffer }): Snapshot {
  return mergeSnapshotParts(decodeSnapshotBytes(result.shared), result.snapshot);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
