/**
 * The trash over REST (trash/trashService.ts), for the workspace admin only:
 *   DELETE /api/meetings/:id                 move the meeting to the trash (410 once it is there)
 *   GET    /api/admin/trash                  what is in it, most recently deleted first
 *   POST   /api/admin/trash/:id/restore      take it back, as it was
 *   DELETE /api/admin/trash/:id {confirm}    delete forever; `confirm` is its title typed again
 * and the guard that answers 410 `deleted` for every other route of a trashed meeting.
 * A bad request (unknown id, not in the trash, wrong confirmation, not the admin) changes nothing.
 */
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { ErrorCode } from '@suishin/shared';
import type { PurgeRequest, TrashList } from '@suishin/shared/protocol';
import { actorOf } from '../audit/auditTrail';
import { MeetingNotFoundError, TrashStateError } from '../persistence/store';
import type { TrashActor, TrashService } from '../trash/trashService';
import { apiError } from './apiErrors';
import { requestOrigin } from './auditRecording';
import { requireAdmin } from './authenticate';
import { parseBody } from './parseBody';

const purgeBody = z.strictObject({ confirm: z.string().max(1000) }) satisfies z.ZodType<PurgeRequest, unknown>;

const by = (c: Context): TrashActor => ({ actor: actorOf(c.get('credential'), null), from: requestOrigin(c) });

/** 410 for any route of a meeting in the trash (after requireMeetingAccess: only those with a role learn it). */
export function refuseTrashed(trash: TrashService): MiddlewareHandler {
  return async (c, next) => {
    if (trash.isTrashed(c.req.param('id') ?? '')) return apiError(c, 410, ErrorCode.deleted, 'this meeting was deleted (it is in the trash)');
    await next();
  };
}

function trashError(c: Context, error: unknown, id: string) {
  if (error instanceof MeetingNotFoundError) return apiError(c, 404, ErrorCode.notFound, `unknown meeting ${id}`, 'id');
  if (error instanceof TrashStateError) return apiError(c, 409, ErrorCode.conflict, error.message, 'id');
  throw error;
}

/** DELETE /:id, mounted under /api/meetings (after refuseTrashed: deleting twice is a 410). */
export function meetingDeleteRoutes({ trash }: { trash: TrashService }) {
  return new Hono().delete('/:id', requireAdmin(), async (c) => {
    const id = c.req.param('id');
    try {
      return c.json(await trash.delete(id, by(c)));
    } catch (error) {
      return trashError(c, error, id);
    }
  });
}

export function trashRoutes({ trash, trashDays }: { trash: TrashService; trashDays: number }) {
  const app = new Hono();
  app.use('*', requireAdmin());
  app.get('/trash', async (c) => {
    const body: TrashList = { entries: await trash.list(), trashDays };
    return c.json(body);
  });
  app.post('/trash/:id/restore', async (c) => {
    const id = c.req.param('id');
    try {
      await trash.restore(id, by(c));
      return c.json({ restored: id });
    } catch (error) {
      return trashError(c, error, id);
    }
  });
  app.delete('/trash/:id', async (c) => {
    const id = c.req.param('id');
    const body = await parseBody(c, purgeBody);
    if (!body.ok) return body.res;
    const entry = (await trash.list()).find((e) => e.meetingId === id);
    if (!entry) return trashError(c, (await trash.exists(id)) ? new TrashStateError(id, false) : new MeetingNotFoundError(id), id);
    const expected = entry.title.trim() || entry.meetingId;
    if (body.value.confirm.trim() !== expected) {
      return apiError(c, 400, ErrorCode.invalidInput, 'type the meeting’s title exactly to delete it forever', 'confirm');
    }
    try {
      await trash.purge(id, by(c));
      return c.json({ purged: id });
    } catch (error) {
      return trashError(c, error, id);
    }
  });
  return app;
}
