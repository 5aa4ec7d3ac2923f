/**
 * Exports of one meeting, for its facilitators (the minutes for everyone with access):
 *   GET  /api/meetings/:id/export/:format          a file (formats: shared's registry)
 *        ?language=ja|en   (default the meeting's)   ?disposition=inline (view instead of download)
 *   GET  /api/meetings/:id/trackers                 which trackers this server can push to
 *   GET  /api/meetings/:id/trackers/:tracker/preview   what a push would create where
 *   POST /api/meetings/:id/trackers/:tracker/push      create the issues, write the keys back
 * Tracker credentials live in the server's environment and never appear in a response.
 */
import type { Context } from 'hono';
import { Hono } from 'hono';
import { ErrorCode, type TrackerKind } from '@suishin/shared';
import { findFormat } from '@suishin/shared/export';
import type { PushPreview, PushReport, TrackerListResponse } from '@suishin/shared/protocol';
import type { ClosingService } from '../closing/closingService';
import { contentDisposition } from '../closing/exportFile';
import { TRACKERS } from '../closing/exportSettings';
import { apiError, invalidInput } from './apiErrors';
import { recordAudit } from './auditRecording';
import { requireRole } from './authenticate';
import { closingErrorResponse } from './closing';

export interface ExportRoutesDeps {
  closing: ClosingService;
}

/** Mounted under /api/meetings after requireMeetingAccess: every route knows the caller's role. */
export function exportRoutes({ closing }: ExportRoutesDeps) {
  const app = new Hono();

  // The minutes are what everyone with access reads anyway; files for trackers are the facilitator's.
  const exportRole = (c: Context) => (findFormat(c.req.param('format') ?? '')?.content === 'minutes' ? 'observer' : 'facilitator');
  app.get('/:id/export/:format', requireRole(exportRole), async (c) => {
    const id = c.req.param('id');
    const language = c.req.query('language');
    if (language !== undefined && language !== 'ja' && language !== 'en') {
      return invalidInput(c, 'language must be "ja" or "en"', 'language');
    }
    const disposition = c.req.query('disposition') === 'inline' ? 'inline' : 'attachment';
    try {
      const file = await closing.exportFile(id, c.req.param('format'), {
        requestOrigin: requestOrigin(c),
        ...(language ? { language } : {}),
      });
      await recordAudit(c, 'exported', { detail: { format: c.req.param('format'), language: file.language } });
      return c.body(file.body, 200, {
        'Content-Type': file.mediaType,
        'Content-Disposition': contentDisposition(file, disposition),
        'Content-Language': file.language,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
        // A downloaded file never runs script, even the printable HTML opened inline.
        'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox",
      });
    } catch (error) {
      return closingErrorResponse(c, error);
    }
  });

  app.get('/:id/trackers', requireRole('facilitator'), async (c) => {
    const id = c.req.param('id');
    if (!(await closing.read(id))) return apiError(c, 404, ErrorCode.notFound, `unknown meeting ${id}`, 'id');
    const body: TrackerListResponse = { trackers: closing.trackers() };
    return c.json(body);
  });

  app.get('/:id/trackers/:tracker/preview', requireRole('facilitator'), async (c) => {
    const id = c.req.param('id');
    const tracker = trackerParam(c);
    if (!tracker) return apiError(c, 404, ErrorCode.notFound, `unknown tracker ${c.req.param('tracker')}`, 'tracker');
    try {
      const body: PushPreview = await closing.preview(id, tracker, { requestOrigin: requestOrigin(c) });
      return c.json(body);
    } catch (error) {
      return closingErrorResponse(c, error);
    }
  });

  app.post('/:id/trackers/:tracker/push', requireRole('facilitator'), async (c) => {
    const id = c.req.param('id');
    const tracker = trackerParam(c);
    if (!tracker) return apiError(c, 404, ErrorCode.notFound, `unknown tracker ${c.req.param('tracker')}`, 'tracker');
    try {
      const body: PushReport = await closing.push(id, tracker, { requestOrigin: requestOrigin(c) });
      await recordAudit(c, 'trackerPushed', { detail: { tracker, destination: body.destination, created: body.created, skipped: body.skipped, failed: body.failed } });
      return c.json(body);
    } catch (error) {
      return closingErrorResponse(c, error);
    }
  });

  return app;
}

function trackerParam(c: Context): TrackerKind | null {
  const value = c.req.param('tracker');
  return (TRACKERS as readonly string[]).includes(value ?? '') ? (value as TrackerKind) : null;
}

/** The origin the browser used, for links back to the meeting when PUBLIC_URL is not set. */
function requestOrigin(c: Context): string {
  return new URL(c.req.url).origin;
}
