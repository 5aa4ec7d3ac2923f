/**
 * npm run restore -- <file> [--force]: puts a backup into DATA_DIR. The file is checked first, on a
 * copy (persistence/sqlite/restoreFile.ts: integrity check, schema version, every meeting's document
 * decodes); a file that fails any check is refused with one line and exit 1, and nothing changes.
 * It takes the data folder's lock like the server, so it never runs while a server holds the folder;
 * it refuses a folder that already holds a database unless --force, and then moves that database
 * aside (suishin.sqlite.replaced-<time>), never deletes it. A backup taken with --with-secret brings
 * its secret back (links and sessions keep working); without it the server makes a new secret at
 * its next start unless one is in the folder or SUISHIN_SECRET, and everyone signs in again.
 * Exit status: 0 restored, 1 refused, 2 bad usage.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { SECRET_FILE_NAME, writeServerSecret } from '../auth/serverSecret';
import { docFromStored } from '../meetings/storedDocument';
import { lockDataDir } from '../persistence/sqlite/dataDirLock';
import { appendAuditToFile } from '../persistence/sqlite/sqliteAuditLog';
import { consoleOrigin } from './consoleOrigin';
import { checkBackup, DATABASE_FILE_NAME, holdsDatabase, installBackup, RestoreRefusal, type CheckedBackup } from '../persistence/sqlite/restoreFile';
import { StartupError } from '../startupError';
import type { CliIo } from './export';
import { cliArgs, resolveArgPath, resolveDataDir } from './dataDir';

const USAGE = 'usage: npm run restore -- <file> [--force]   (DATA_DIR names the data folder to restore into)';

const decodes = (_id: string, stored: Parameters<typeof docFromStored>[0]) => docFromStored(stored).destroy();

export function runRestoreCli(argv: string[], io: CliIo & { cwd?: string }): number {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, strict: true, options: { force: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    io.stderr(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (parsed.values.help) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  const [file, ...extra] = parsed.positionals;
  if (!file || extra.length > 0) {
    io.stderr(`${file ? `unexpected arguments: ${extra.join(' ')}` : 'give the backup file'}\n${USAGE}\n`);
    return 2;
  }
  const dataDir = resolveDataDir(io.env.DATA_DIR);
  const force = parsed.values.force === true;
  const refuseFullFolder = () => {
    if (!force && holdsDatabase(dataDir)) throw new RestoreRefusal(`${dataDir} already holds a database; restore into an empty folder, or add --force to move it aside`);
  };
  let checked: CheckedBackup | null = null;
  try {
    refuseFullFolder();
    checked = checkBackup(resolveArgPath(file, io.cwd), decodes);
    const lock = lockDataDir(dataDir, 'restore'); // a running server holds it: refused, nothing changed
    try {
      refuseFullFolder(); // again, now that nobody else can write there
      const { secret, meetings, schemaVersion, takenAt } = checked;
      const replaced = installBackup(checked, dataDir);
      checked = null;
      appendAuditToFile(join(dataDir, DATABASE_FILE_NAME), {
        at: Date.now(),
        kind: 'restored',
        meetingId: null,
        actor: null,
        from: consoleOrigin(),
        detail: { file: resolveArgPath(file, io.cwd), takenAt: takenAt === null ? null : new Date(takenAt).toISOString(), meetings, withSecret: secret !== null, replaced },
      });
      if (replaced) io.stdout(`moved the database that was there to ${join(dataDir, replaced)}\n`);
      if (secret) {
        const had = existsSync(join(dataDir, SECRET_FILE_NAME));
        writeServerSecret(dataDir, secret);
        io.stdout(`restored the server secret${had ? ' (replacing the folder\'s own)' : ''}: links and sessions from before keep working\n`);
      }
      io.stdout(`restored ${meetings} meetings (schema ${schemaVersion}) into ${dataDir}${secret ? '' : '; the backup has no server secret: unless SUISHIN_SECRET or the folder has the old one, everyone signs in again'}\n`);
    } finally {
      lock.release();
    }
    return 0;
  } catch (error) {
    checked?.discard();
    if (error instanceof RestoreRefusal || error instanceof StartupError) {
      io.stderr(`restore refused: ${error.message}\n`);
      return 1;
    }
    io.stderr(`restore failed: ${(error as Error).message}\n`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  process.exitCode = runRestoreCli(cliArgs(), {
    env: process.env,
    stdout: (data) => process.stdout.write(data),
    stderr: (text) => process.stderr.write(text),
  });
}
