import { appendFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { loadConfigOrExit } from '#libs/config';
import { EMBEDDED_POSTGRES_VERSION, EmbeddedDatabase, runningServerPid } from '../embedded/embedded-database.js';
import { EmbeddedDatabaseConfig } from '../embedded/embedded-database.config.js';

/**
 * `start`: runs the embedded PostgreSQL in the foreground until a signal stops it (npm start
 * supervises it like the other processes).
 * `wipe`: removes its data, when it is not running.
 */
const config = loadConfigOrExit(EmbeddedDatabaseConfig);
const dataDir = config.EMBEDDED_DATABASE_DIR;
const say = (line: string) => process.stdout.write(`${line}\n`);

async function start(): Promise<void> {
  const logFile = `${dataDir}.log`;
  const database = new EmbeddedDatabase({
    dataDir,
    port: config.EMBEDDED_DATABASE_PORT,
    onLog: (line) => appendFileSync(logFile, `${line}\n`),
  });
  await database.start();
  say(`Embedded PostgreSQL ${EMBEDDED_POSTGRES_VERSION} on 127.0.0.1:${config.EMBEDDED_DATABASE_PORT}, data in ${dataDir} (log: ${logFile})`);
  // embedded-postgres itself stops its servers on SIGINT and SIGTERM, then exits.
  process.once('SIGHUP', () => void database.stop().then(() => process.exit(0)));
}

async function wipe(): Promise<void> {
  const pid = await runningServerPid(dataDir);
  if (pid) {
    process.stderr.write(`The embedded PostgreSQL is running (pid ${pid}): stop the product first\n`);
    process.exit(1);
  }
  await rm(dataDir, { recursive: true, force: true });
  await rm(`${dataDir}.log`, { force: true });
  say(`Removed ${join(dataDir)}: the next npm start begins with an empty database and the demo data`);
}

const commands: Record<string, () => Promise<void>> = { start, wipe };
const command = commands[process.argv[2] ?? ''];
if (!command) {
  process.stderr.write('Usage: embedded-database start|wipe\n');
  process.exit(2);
}
await command().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
