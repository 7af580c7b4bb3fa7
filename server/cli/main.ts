/**
 * `npm run cli -- <command> ...`: scripting entry points for organizers and facilitators.
 * Each subcommand lives in its own file and exports run(argv) returning the process exit code.
 */
const [command, ...rest] = process.argv.slice(2);

const subcommands: Record<string, () => Promise<{ run(argv: string[]): Promise<number> }>> = {
  organizer: () => import('./organizer.js'),
  backup: () => import('./backup.js').then((m) => ({ run: (argv: string[]) => m.run(argv, process.env, 'backup') })),
  restore: () => import('./backup.js').then((m) => ({ run: (argv: string[]) => m.run(argv, process.env, 'restore') })),
  groups: () => import('./groups.js'),
  duplicates: () => import('./duplicates.js'),
};

const usage = `usage: npm run cli -- <command>
  organizer add --email E --password P     create an organizer account
  groups --people F.csv|--players N --size K [--rounds R] ...   plan breakout groups (see --help)
  duplicates --in FILE.jsonl [--threshold T]   pairs of questions the app calls duplicates
  backup --out FILE                        a consistent copy of the database (also while the server runs)
  restore FILE [--force]                   replace the database by a backup (stop the server first)`;

async function main(): Promise<number> {
  const load = command ? subcommands[command] : undefined;
  if (!load) {
    console.error(usage);
    return 2;
  }
  const mod = await load();
  return mod.run(rest);
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
