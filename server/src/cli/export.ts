/**
 * Command-line export of one meeting, for scripts:
 *
 *   pnpm export <meetingId> --format <id> [--out <file>] [--language ja|en] [--public-url <url>]
 *   pnpm export --list            meetings in the store (id, status, title)
 *   pnpm export --formats         the format ids
 *   pnpm export report --series <id> --from <date> --to <date> …   経営報告 (cli/reportExport.ts)
 *
 * Reads the SQLite store under DATA_DIR directly (it may run beside the server: SQLite's WAL lets
 * it read while the server writes; it sees what the server has stored). Writes the file to stdout,
 * or to --out. Links back to the meeting use --public-url, else PUBLIC_URL, else
 * http://localhost:$PORT. Exit status: 0 done, 1 unknown meeting or no database, 2 bad usage.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { getClosingNotes, toMeetingView } from '@suishin/shared';
import { findFormat, formats, type ExportLanguage } from '@suishin/shared/export';
import { renderExport } from '../closing/exportFile';
import { loadExportSettings } from '../closing/exportSettings';
import { REPO_ROOT } from '../config';
import { openSqliteStore } from '../persistence/sqlite/sqliteStore';
import { MeetingDocuments } from '../meetings/meetingDocuments';
import { REPORT_USAGE, runReportCli } from './reportExport';

const USAGE = `usage: pnpm export <meetingId> --format <id> [--out <file>] [--language ja|en] [--public-url <url>]
       pnpm export --list | --formats
       ${REPORT_USAGE.replace('usage: ', '')}
formats: ${formats.map((f) => f.id).join(', ')}`;

export interface CliIo {
  env: Record<string, string | undefined>;
  stdout: (data: string | Uint8Array) => void;
  stderr: (text: string) => void;
}

export async function runExportCli(argv: string[], io: CliIo): Promise<number> {
  if (argv[0] === 'report') return runReportCli(argv.slice(1), resolveDataDir(io.env.DATA_DIR), io);
  let args: ReturnType<typeof parse>;
  try {
    args = parse(argv);
  } catch (error) {
    io.stderr(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = args;
  if (values.help) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  if (values.formats) {
    io.stdout(formats.map((f) => `${f.id}\t${f.label.en}\n`).join(''));
    return 0;
  }

  const dataDir = resolveDataDir(io.env.DATA_DIR);
  const file = join(dataDir, 'suishin.sqlite');
  if (!existsSync(file)) {
    io.stderr(`no Suishin database at ${file} (set DATA_DIR to the server's data directory)\n`);
    return 1;
  }
  const store = openSqliteStore({ dataDir });
  try {
    if (values.list) {
      for (const row of await store.listMeetings()) io.stdout(`${row.id}\t${row.status}\t${row.title}\n`);
      return 0;
    }

    const [meetingId, ...extra] = positionals;
    const format = values.format ? findFormat(values.format) : undefined;
    const language = values.language;
    if (!meetingId || extra.length > 0 || !format || (language !== undefined && language !== 'ja' && language !== 'en')) {
      const why = !meetingId
        ? 'give a meeting id'
        : extra.length > 0
          ? `unexpected arguments: ${extra.join(' ')}`
          : !values.format
            ? 'give --format'
            : !format
              ? `unknown format "${values.format}"`
              : 'language must be ja or en';
      io.stderr(`${why}\n${USAGE}\n`);
      return 2;
    }

    const { problems, ...settings } = loadExportSettings(io.env);
    for (const problem of problems) io.stderr(`warning: ${problem}\n`);
    const publicUrl = values['public-url'] ?? settings.publicUrl ?? `http://localhost:${io.env.PORT?.trim() || '8787'}`;
    const output = await new MeetingDocuments({ store, rooms: null }).read(meetingId, (doc) =>
      renderExport(toMeetingView(doc, meetingId), getClosingNotes(doc), format, {
        meetingUrlBase: publicUrl.replace(/\/+$/, ''),
        settings,
        ...(language ? { language: language as ExportLanguage } : {}),
      }),
    );
    if (!output) {
      io.stderr(`unknown meeting ${meetingId} (pnpm export --list shows the stored ones)\n`);
      return 1;
    }
    if (values.out) {
      writeFileSync(values.out, output.body, 'utf8');
      io.stderr(`wrote ${output.displayFileName} to ${values.out}\n`);
    } else {
      io.stdout(Buffer.from(output.body, 'utf8'));
    }
    return 0;
  } finally {
    await store.close();
  }
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: 'string', short: 'f' },
      out: { type: 'string', short: 'o' },
      language: { type: 'string' },
      'public-url': { type: 'string' },
      list: { type: 'boolean' },
      formats: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

/** DATA_DIR as the server reads it: relative paths resolve against the repository root. */
function resolveDataDir(value: string | undefined): string {
  const dir = value?.trim() || 'data';
  return isAbsolute(dir) ? dir : resolve(REPO_ROOT, dir);
}

// Run when executed directly (not when imported by a test).
if (process.argv[1] && import.meta.url === new URL(`file://${resolve(process.argv[1])}`).href) {
  // pnpm passes a lone "--" through when called as `pnpm export -- …`.
  const argv = process.argv.slice(2).filter((arg, i) => !(i === 0 && arg === '--'));
  const code = await runExportCli(argv, {
    env: process.env,
    stdout: (data) => process.stdout.write(data),
    stderr: (text) => process.stderr.write(text),
  });
  process.exitCode = code;
}
