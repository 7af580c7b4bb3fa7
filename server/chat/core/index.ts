/** The bridge's pure core: selection, mapping, exactly-once planning, quota, backoff, the poll-loop machine. */
export * from './backoff.js';
export * from './ledger.js';
export * from './machine.js';
export * from './mapping.js';
export * from './quota.js';
export * from './selection.js';
export * from './status.js';
export * from './youtube.js';
