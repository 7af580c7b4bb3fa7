/** Process entry: config → database → HTTP + Socket.IO → listen. Stops cleanly on SIGTERM/SIGINT. */
import { createServer } from './app.js';
import { ConfigError, loadConfig } from './config.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const server = await createServer(config);
  server.logger.info({ url: server.url, dataDir: config.dataDir }, 'listening');
  console.log(`Plenum listening on ${server.url}`);
  if (server.printedSetupLink) {
    console.log(`No organizer account yet. Create the first one here (the link works once): ${server.setupLink}`);
  }

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    server.logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    server.close().then(
      () => process.exit(0),
      (err: unknown) => {
        server.logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? `configuration error: ${err.message}` : err);
  process.exit(1);
});
