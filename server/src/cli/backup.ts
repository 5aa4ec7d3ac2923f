/**
 * npm run backup -- <file> [--with-secret]: a consistent copy of DATA_DIR's database, taken while
 * the server runs (or not). It opens the database read-only beside the server, as `export` does,
 * instead of asking the server over HTTP: it needs no credential, port or network, works the same
 * with the server stopped, and runs in its own process, so the copy (VACUUM INTO inside one WAL read
 * transaction, persistence/sqlite/backupFile.ts) never blocks the server's event loop or its writer.
 * The server secret goes into the file only with --with-secret (then keep the file as safe as the
 * secret: it signs every link and session). Exit status: 0 done, 1 refused or failed, 2 bad usage.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readServerSecret } from '../auth/serverSecret';
import { backupDatabase, BackupError, type BackupResult } from '../persistence/sqlite/backupFile';
import { DATABASE_FILE_NAME } from '../persistence/sqlite/restoreFile';
import { insertAuditRow } from '../persistence/sqlite/sqliteAuditLog';
import type { CliIo } from './export';
import { consoleOrigin } from './consoleOrigin';
import { cliArgs, resolveArgPath, resolveDataDir } from './dataDir';

const USAGE = 'usage: npm run backup -- <file> [--with-secret]   (DATA_DIR names the data folder)';

export interface BackupCliResult {
  code: number;
  result?: BackupResult;
}

export function runBackupCli(argv: string[], io: CliIo & { cwd?: string }): BackupCliResult {
  let parsed: ReturnType<typeof parseArgs<{ args: string[]; allowPositionals: true; strict: true; options: { 'with-secret': { type: 'boolean' }; help: { type: 'boolean'; short: 'h' } } }>>;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, strict: true, options: { 'with-secret': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    io.stderr(`${(error as Error).message}\n${USAGE}\n`);
    return { code: 2 };
  }
  if (parsed.values.help) {
    io.stdout(`${USAGE}\n`);
    return { code: 0 };
  }
  const [target, ...extra] = parsed.positionals;
  if (!target || extra.length > 0) {
    io.stderr(`${target ? `unexpected arguments: ${extra.join(' ')}` : 'give the file to write'}\n${USAGE}\n`);
    return { code: 2 };
  }
  const dataDir = resolveDataDir(io.env.DATA_DIR);
  const source = join(dataDir, DATABASE_FILE_NAME);
  if (!existsSync(source)) {
    io.stderr(`backup refused: no Suishin database at ${source} (set DATA_DIR to the server's data folder)\n`);
    return { code: 1 };
  }
  try {
    let secret: string | null = null;
    if (parsed.values['with-secret']) {
      secret = readServerSecret(dataDir, io.env.SUISHIN_SECRET?.trim() || null);
      if (!secret) {
        io.stderr(`backup refused: --with-secret, but there is no secret (no SUISHIN_SECRET, no ${join(dataDir, 'suishin.secret')})\n`);
        return { code: 1 };
      }
    }
    const file = resolveArgPath(target, io.cwd);
    // The copy records its own making: the CLI never writes to the folder a server may hold.
    const annotate = (copy: Parameters<typeof insertAuditRow>[0]) =>
      void insertAuditRow(copy, { at: Date.now(), kind: 'backupMade', meetingId: null, actor: null, from: consoleOrigin(), detail: { file, withSecret: secret !== null, by: 'npm run backup' } });
    const result = backupDatabase(source, file, { secret, annotate });
    io.stdout(`backed up ${dataDir} to ${result.file}: ${result.bytes} bytes in ${result.tookMs.toFixed(0)} ms${result.withSecret ? ', with the server secret (keep this file safe)' : ', without the server secret'}\n`);
    return { code: 0, result };
  } catch (error) {
    const message = error instanceof BackupError ? error.message : `cannot back up: ${(error as Error).message}`;
    io.stderr(`backup refused: ${message}\n`);
    return { code: 1 };
  }
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  process.exitCode = runBackupCli(cliArgs(), {
    env: process.env,
    stdout: (data) => process.stdout.write(data),
    stderr: (text) => process.stderr.write(text),
  }).code;
}
