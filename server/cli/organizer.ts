/**
 * `npm run cli -- organizer add --email E --password P`: creates an organizer account in the database
 * named by DATA_DIR / DATABASE_URL (the server may be running; SQLite in WAL mode allows it).
 */
import { parseArgs } from 'node:util';
import { Email, Password } from '../../shared/api.js';
import { DomainError } from '../../shared/errors.js';
import { createOrganizer } from '../auth/organizers.js';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/connect.js';

const usage = `usage: npm run cli -- organizer add --email E --password P
  Creates an organizer account (password: at least 8 characters).
  Uses DATA_DIR / DATABASE_URL like the server.`;

export async function run(argv: string[]): Promise<number> {
  const [action, ...rest] = argv;
  if (action !== 'add') {
    console.error(usage);
    return 2;
  }
  let values: { email?: string; password?: string };
  try {
    ({ values } = parseArgs({ args: rest, options: { email: { type: 'string' }, password: { type: 'string' } }, strict: true }));
  } catch (err) {
    console.error(`${err instanceof Error ? err.message : err}\n${usage}`);
    return 2;
  }
  const email = Email.safeParse(values.email ?? '');
  const password = Password.safeParse(values.password ?? '');
  if (!email.success || !password.success) {
    if (!email.success) console.error('--email must be a valid email address');
    if (!password.success) console.error('--password must have at least 8 characters');
    console.error(usage);
    return 2;
  }
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, sqliteSynchronous: config.sqliteSynchronous, pgSchema: config.pgSchema, pgPoolSize: config.pgPoolSize });
  try {
    const organizer = await createOrganizer(database.db, { email: email.data, password: password.data }, new Date());
    console.log(`organizer ${organizer.email} created (id ${organizer.id})`);
    return 0;
  } catch (err) {
    if (err instanceof DomainError) {
      console.error(err.message);
      return 1;
    }
    throw err;
  } finally {
    await database.close();
  }
}
