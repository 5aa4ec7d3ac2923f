/** Entry point: read the configuration, start the server, shut down cleanly on SIGTERM/SIGINT. */
import { ConfigError, loadConfig, type ServerConfig } from './config';
import { createServer } from './createServer';
import { createLogger } from './logger';

let config: ServerConfig;
try {
  config = loadConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`Suishin cannot start: ${error.message}\n`);
  process.exit(1);
}
const logger = createLogger(config.logLevel);

// A failed handler must never take the process (and every open meeting) down: log and carry on.
process.on('unhandledRejection', (reason) => logger.error('unhandled rejection', { reason }));
process.on('uncaughtException', (error) => logger.error('uncaught exception', { error }));

let server: ReturnType<typeof createServer>;
try {
  server = createServer(config, { logger });
} catch (error) {
  // One line for the operator (a StartupError says what and where) and exit 1: never carry on
  // half-built, as the uncaughtException handler above would (and then end with status 0).
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`Suishin cannot start: ${message.replace(/\s+/g, ' ')}\n`);
  process.exit(1);
}

try {
  await server.listen();
} catch (error) {
  logger.error('could not start', { error });
  process.exit(1);
}
// Printed on stdout once ready: scripts and tests wait for this line.
process.stdout.write(`Suishin listening on ${server.url}\n`);
// The admin's sign-in URL goes to the console only (never through the logger): the token is in the
// URL fragment, which the browser keeps to itself when it opens the page.
process.stdout.write(
  server.adminSignInUrl
    ? `Workspace admin: sign in at ${server.adminSignInUrl}\n`
    : `Workspace admin: sign in at ${server.url}/signin#token=<SUISHIN_ADMIN_TOKEN>\n`,
);
logger.info('ready', { dataDir: config.dataDir, clientDist: config.clientDist });

let stopping = false;
const stop = (signal: string) => {
  if (stopping) return;
  stopping = true;
  logger.info('shutting down', { signal });
  const force = setTimeout(() => {
    logger.error('shutdown took too long; exiting');
    process.exit(1);
  }, 15_000);
  force.unref();
  server.close().then(
    () => process.exit(0),
    (error: unknown) => {
      logger.error('shutdown failed', { error });
      process.exit(1);
    },
  );
};
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
