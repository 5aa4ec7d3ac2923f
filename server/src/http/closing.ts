/**
 * /api/meetings/:id/closing and /api/meetings/:id/end: the closing checklist as the server sees
 * it, and ending the meeting.
 *
 * Ending is a REST call, not a client's document update: the server checks the checklist on the
 * room's newest state, stamps its own clock, and applies endMeeting to the room's live document
 * through the durable path (stored, then relayed to every open client, whose banner appears at
 * once). The final state is then projected into the relational tables.
 */
import type { Context } from 'hono';
import { Hono } from 'hono';
import { ErrorCode } from '@suishin/shared';
import type { ClosingRefusal, ClosingStateResponse, EndMeetingResponse } from '@suishin/shared/protocol';
import { ClosingError, type ClosingService } from '../closing/closingService';
import { apiError } from './apiErrors';
import { recordAudit } from './auditRecording';
import { requireRole } from './authenticate';

export interface ClosingRoutesDeps {
  closing: ClosingService;
}

/** Mounted under /api/meetings after requireMeetingAccess: every route knows the caller's role. */
export function closingRoutes({ closing }: ClosingRoutesDeps) {
  const app = new Hono();

  app.get('/:id/closing', requireRole('observer'), async (c) => {
    const id = c.req.param('id');
    const result = await closing.checklist(id);
    if (!result) return apiError(c, 404, ErrorCode.notFound, `unknown meeting ${id}`, 'id');
    const body: ClosingStateResponse = result;
    return c.json(body);
  });

  app.post('/:id/end', requireRole('facilitator'), async (c) => {
    const id = c.req.param('id');
    try {
      const { view, checklist } = await closing.end(id);
      await recordAudit(c, 'meetingEnded');
      const body: EndMeetingResponse = { meeting: view, checklist };
      return c.json(body);
    } catch (error) {
      return closingErrorResponse(c, error);
    }
  });

  return app;
}

/** A ClosingError as the shared error body (plus its details); anything else is rethrown (500). */
export function closingErrorResponse(c: Context, error: unknown): Response {
  if (!(error instanceof ClosingError)) throw error;
  const body: ClosingRefusal = { error: { code: error.code, message: error.message }, ...error.details };
  return c.json(body, error.status);
}
