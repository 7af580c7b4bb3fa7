/**
 * The one-time setup link: while no organizer exists, the database holds one random token (one row of
 * setup_tokens) and the node that created it prints `<base>/setup?token=…`. Every node of a cluster
 * accepts that same link; using it deletes the row in one statement, so only one request wins even when
 * two nodes get it at once. Creating the first organizer (here or by the CLI) makes it useless.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/types.js';
import { countOrganizers } from './organizers.js';
import { newToken, tokensEqual } from './tokens.js';

export class SetupGate {
  private token: string | null = null;

  /**
   * Creates the token if no organizer exists yet (or reads the one another node created). Returns it and
   * whether this call created it (that node prints the link), or null when setup is done.
   */
  async prepare(db: Kysely<DB>, now: Date = new Date()): Promise<{ token: string; created: boolean } | null> {
    if ((await countOrganizers(db)) > 0) {
      this.token = null;
      await db.deleteFrom('setup_tokens').execute();
      return null;
    }
    const inserted = await db
      .insertInto('setup_tokens')
      .values({ id: 1, token: newToken(), created_at: now.toISOString() })
      .onConflict((oc) => oc.column('id').doNothing())
      .executeTakeFirst();
    const row = await db.selectFrom('setup_tokens').select('token').where('id', '=', 1).executeTakeFirst();
    this.token = row?.token ?? null;
    return this.token ? { token: this.token, created: Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 1 } : null;
  }

  get current(): string | null {
    return this.token;
  }

  /** Uses the link: true for exactly one caller across all nodes, and only with the right token. */
  async claim(db: Kysely<DB>, candidate: string): Promise<boolean> {
    const row = await db.selectFrom('setup_tokens').select('token').where('id', '=', 1).executeTakeFirst();
    if (!row || !tokensEqual(row.token, candidate)) return false;
    const deleted = await db.deleteFrom('setup_tokens').where('id', '=', 1).where('token', '=', row.token).executeTakeFirst();
    this.token = null;
    return Number(deleted.numDeletedRows) === 1;
  }

  /** Setup is done (an organizer exists): the link is dead from now on. */
  async burn(db: Kysely<DB>): Promise<void> {
    this.token = null;
    await db.deleteFrom('setup_tokens').execute();
  }
}

export function setupLink(base: string, token: string): string {
  return `${base}/setup?token=${encodeURIComponent(token)}`;
}
