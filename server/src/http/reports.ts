/**
 * GET /api/reports/management?series=…&from=…&to=…&format=json|html|md[&language=ja|en]
 *   経営報告 of a body and its children over the period (ManagementReport, or the file). Who may
 *   read it: whoever may read the body's dashboard today (the workspace admin; visibility.ts).
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { ErrorCode } from '@suishin/shared';
import { formatReportHtml, formatReportMarkdown } from '@suishin/shared/export';
import { apiError, invalidInput } from './apiErrors';
import { visibleMeetings, type GrantSource } from './visibility';
import { parseQuery } from './historyQueries';
import { ReportRangeError, type ManagementReports } from '../reports/managementReports';

const reportQuery = z.strictObject({
  series: z.string().min(1).max(200),
  from: z.iso.date(),
  to: z.iso.date(),
  format: z.optional(z.enum(['json', 'html', 'md'])),
  language: z.optional(z.enum(['ja', 'en'])),
});

export function reportRoutes({ reports, auth }: { reports: ManagementReports; auth?: GrantSource }) {
  const app = new Hono();
  app.get('/reports/management', async (c) => {
    if ((await visibleMeetings(c, auth)) !== null) return apiError(c, 403, ErrorCode.forbidden, 'only the workspace admin may see reports');
    const query = parseQuery(c, reportQuery);
    if (!query.ok) return query.res;
    const { series, from, to, format = 'json', language = 'ja' } = query.value;
    let report;
    try {
      report = await reports.report(series, from, to);
    } catch (error) {
      if (error instanceof ReportRangeError) return invalidInput(c, error.message, 'from');
      throw error;
    }
    if (!report) return apiError(c, 404, ErrorCode.notFound, `unknown series ${series}`, 'series');
    if (format === 'json') return c.json(report);
    const name = `keiei-houkoku-${from}_${to}.${format}`;
    const body = format === 'html' ? formatReportHtml(report, language) : formatReportMarkdown(report, language);
    return c.body(body, 200, {
      'content-type': format === 'html' ? 'text/html; charset=utf-8' : 'text/markdown; charset=utf-8',
      'content-disposition': `attachment; filename="${name}"`,
    });
  });
  return app;
}
