/**
 * `pnpm export report --series <id> --from <date> --to <date> [--format html|md] [--language ja|en] [--out <file>]`:
 * 経営報告 of a body and its children from the projections in the SQLite file under DATA_DIR
 * (read beside a running server, as the meeting export). Exit status: 0 done, 1 unknown body or
 * no database, 2 bad usage.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { formatReportHtml, formatReportMarkdown, type ExportLanguage } from '@suishin/shared/export';
import { DEFAULT_WORKSPACE_TIME_ZONE, dayIn, isTimeZone } from '@suishin/shared/time';
import { sqliteSeriesStore } from '../persistence/sqlite/sqliteSeriesStore';
import { openFollowThroughDb } from '../projections/sqlite/followThroughDb';
import { sqliteHistoryReads } from '../projections/sqlite/sqliteHistoryReads';
import { ManagementReports, ReportRangeError } from '../reports/managementReports';

export const REPORT_USAGE = 'usage: pnpm export report --series <id> --from <YYYY-MM-DD> --to <YYYY-MM-DD> [--format html|md] [--language ja|en] [--out <file>]';

interface Io {
  env: Record<string, string | undefined>;
  stdout: (data: string | Uint8Array) => void;
  stderr: (text: string) => void;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export async function runReportCli(argv: string[], dataDir: string, io: Io): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      options: { series: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, format: { type: 'string', short: 'f' }, language: { type: 'string' }, out: { type: 'string', short: 'o' } },
    }));
  } catch (error) {
    io.stderr(`${(error as Error).message}\n${REPORT_USAGE}\n`);
    return 2;
  }
  const format = values.format ?? 'html';
  const language = values.language ?? 'ja';
  const why = !values.series
    ? 'give --series'
    : !values.from || !DAY.test(values.from) || !values.to || !DAY.test(values.to)
      ? 'give --from and --to as YYYY-MM-DD'
      : format !== 'html' && format !== 'md'
        ? `unknown format "${format}" (html or md)`
        : language !== 'ja' && language !== 'en'
          ? 'language must be ja or en'
          : null;
  if (why) {
    io.stderr(`${why}\n${REPORT_USAGE}\n`);
    return 2;
  }
  const file = join(dataDir, 'suishin.sqlite');
  if (!existsSync(file)) {
    io.stderr(`no Suishin database at ${file} (set DATA_DIR to the server's data directory)\n`);
    return 1;
  }
  const zone = io.env.WORKSPACE_TIME_ZONE?.trim();
  const timeZone = zone && isTimeZone(zone) ? zone : DEFAULT_WORKSPACE_TIME_ZONE;
  const { db } = openFollowThroughDb(dataDir);
  try {
    const reports = new ManagementReports({ series: sqliteSeriesStore(db), reads: sqliteHistoryReads(db), today: () => dayIn(Date.now(), timeZone) });
    let report;
    try {
      report = await reports.report(values.series!, values.from!, values.to!);
    } catch (error) {
      if (!(error instanceof ReportRangeError)) throw error;
      io.stderr(`${error.message}\n${REPORT_USAGE}\n`);
      return 2;
    }
    if (!report) {
      io.stderr(`unknown series ${values.series}\n`);
      return 1;
    }
    const lang = language as ExportLanguage;
    const text = format === 'html' ? formatReportHtml(report, lang) : formatReportMarkdown(report, lang);
    if (values.out) {
      writeFileSync(values.out, text, 'utf8');
      io.stderr(`wrote the report of ${report.title} to ${values.out}\n`);
    } else io.stdout(Buffer.from(text, 'utf8'));
    return 0;
  } finally {
    db.close();
  }
}
