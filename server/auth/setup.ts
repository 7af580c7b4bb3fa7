/**
 * The one-time setup link: while no organizer exists, the server holds a random token in memory and
 * prints `<base>/setup?token=…`. Creating the first organizer (here or by the CLI) makes it useless.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/types.js';
import { countOrganizers } from './organizers.js';
import { newToken, tokensEqual } from './tokens.js';

export class SetupGate {
  private token: string | null = null;

  /** Creates the token if no organizer exists yet; returns it (or null when setup is done). */
  async prepare(db: Kysely<DB>): Promise<string | null> {
    if ((await countOrganizers(db)) > 0) {
      this.token = null;
      return null;
    }
    this.token ??= newToken();
    return this.token;
  }

  get current(): string | null {
    return this.token;
  }

  matches(candidate: string): boolean {
    return this.token !== null && tokensEqual(this.token, candidate);
  }

  /** Called once the first organizer exists: the link is dead from now on. */
  burn(): void {
    this.token = null;
  }
}

export function setupLink(base: string, token: string): string {
  return `${base}/setup?token=${encodeURIComponent(token)}`;
}
