/**
 * `npm run cli -- <command> ...`: scripting entry points for organizers and facilitators.
 * Each subcommand lives in its own file and exports run(argv) returning the process exit code.
 */
const [command, ...rest] = process.argv.slice(2);

const subcommands: Record<string, () => Promise<{ run(argv: string[]): Promise<number> }>> = {
  organizer: () => import('./organizer.js'),
  groups: () => import('./groups.js'),
  duplicates: () => import('./duplicates.js'),
};

const usage = `usage: npm run cli -- <command>
  organizer add --email E --password P     create an organizer account
  groups --people F.csv|--players N --size K [--rounds R] ...   plan breakout groups (see --help)
  duplicates --in FILE.jsonl [--threshold T]   pairs of questions the app calls duplicates`;

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
