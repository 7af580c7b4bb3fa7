/** The people module's table (declared into the kernel's DB type by declaration merging). */
import type { Generated } from 'kysely';

export interface AttendeesTable {
  id: string;
  event_id: string;
  /** SHA-256 (hex) of the attendee token. */
  token_hash: string;
  name: string | null;
  created_at: string;
  /** JSON object: answers to the event's attendee fields, or the roster's columns. */
  attributes: Generated<string>;
  email: string | null;
  /** 1 for roster entries (they got a personal join link). */
  invited: Generated<number>;
  /** Roster entries: the join token in plain text, so the link can be shown again. */
  invite_token: string | null;
  /** Identities that joined from one address share this random tag (join-tags.ts); null for roster entries. */
  join_tag: string | null;
}

declare module '../db/types.js' {
  interface DB {
    attendees: AttendeesTable;
  }
}
