/**
 * /api/meetings: create (the workspace admin), list (the meetings the caller may open), and read
 * one meeting as the plain-JSON view or as its Yjs document (anyone with a role in it: checked by
 * requireMeetingAccess in app.ts). Routes validate input and call the model and the store; they never touch Yjs keys.
 */
import { Hono } from 'hono';
import {
  ErrorCode,
  ValidationError,
  initMeeting,
  meetingInitSchema,
  toMeetingView,
} from '@suishin/shared';
import type { Auth } from '../auth/auth';
import type { Logger } from '../logger';
import type { MeetingListPosition, MeetingRow, MeetingStore } from '../persistence/store';
import {
  MAX_ID_LENGTH,
  MAX_PAGE_SIZE,
  type CreateMeetingRequest,
  type CreateMeetingResponse,
  type MeetingSummary,
  type MeetingSummaryPage,
  type MeetingViewResponse,
} from '@suishin/shared/protocol';
import { z } from 'zod';
import type { CursorCodec } from './cursorCodec';
import { meetingListQuery, parseQuery } from './historyQueries';
import { readCursor } from './paging';
import type { MeetingDocuments } from '../meetings/meetingDocuments';
import { apiError, invalidInput } from './apiErrors';
import { requireAdmin } from './authenticate';

export interface MeetingsDeps {
  store: MeetingStore;
  documents: MeetingDocuments;
  logger: Logger;
  auth: Auth;
  cursors: CursorCodec;
}

const meetingListPosition = z.strictObject({ updatedAt: z.number().int(), id: z.string().max(MAX_ID_LENGTH) });

const toSummary = (row: MeetingRow): MeetingSummary => ({
  id: row.id,
  title: row.title,
  status: row.status,
  scheduledStart: row.scheduledStart,
  createdAt: new Date(row.createdAt).toISOString(),
  updatedAt: new Date(row.updatedAt).toISOString(),
});

export function meetingRoutes({ store, documents, auth, cursors }: MeetingsDeps) {
  const app = new Hono();

  app.post('/', requireAdmin(), async (c) => {
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      return invalidInput(c, 'request body must be JSON');
    }
    const parsed = meetingInitSchema.safeParse(body);
    if (!parsed.success) {
      const error = ValidationError.fromZod(parsed.error);
      return invalidInput(c, error.message, error.field);
    }
    try {
      const input: CreateMeetingRequest = parsed.data;
      const { row, result: meeting } = await documents.create((doc, id) => {
        initMeeting(doc, input);
        return toMeetingView(doc, id);
      });
      const created: CreateMeetingResponse = { ...toSummary(row), meeting };
      return c.json(created, 201);
    } catch (error) {
      if (error instanceof ValidationError) return invalidInput(c, error.message, error.field);
      throw error;
    }
  });

  /** A page of the meetings the caller may open, most recently updated first (scripts; the UI uses /api/home and /api/archive). */
  app.get('/', async (c) => {
    const query = parseQuery(c, meetingListQuery);
    if (!query.ok) return query.res;
    const position = readCursor(c, cursors, 'meetings', {}, query.value.cursor, meetingListPosition);
    if (!position.ok) return position.res;
    const limit = query.value.limit ?? MAX_PAGE_SIZE;
    const credential = c.get('credential')!;
    let page: { rows: MeetingRow[]; next: MeetingListPosition | null };
    if (credential.admin) {
      page = await store.listMeetingsPage(limit, position.after);
    } else {
      // Bounded by the caller's grants, whatever the workspace holds.
      const granted = [...new Set((await auth.validGrants(credential)).map((g) => g.meetingId))];
      const rows = (await Promise.all(granted.map((id) => store.getMeetingRow(id))))
        .filter((row): row is MeetingRow => row !== null)
        .sort((a, b) => b.updatedAt - a.updatedAt || (a.id < b.id ? -1 : 1));
      const after = position.after;
      const rest = after ? rows.filter((r) => r.updatedAt < after.updatedAt || (r.updatedAt === after.updatedAt && r.id > after.id)) : rows;
      const shown = rest.slice(0, limit);
      const last = shown.at(-1);
      page = { rows: shown, next: rest.length > limit && last ? { updatedAt: last.updatedAt, id: last.id } : null };
    }
    const body: MeetingSummaryPage = { meetings: page.rows.map(toSummary), nextCursor: page.next ? cursors.encode('meetings', {}, page.next) : null };
    return c.json(body);
  });

  app.get('/:id', async (c) => {
    const id = c.req.param('id');
    const view: MeetingViewResponse | null = await documents.read(id, (doc) => toMeetingView(doc, id));
    if (!view) return apiError(c, 404, ErrorCode.notFound, `unknown meeting ${id}`, 'id');
    return c.json(view);
  });

  /**
   * The meeting's document as one Yjs update (application/octet-stream): what a page opening the
   * meeting starts from while its socket connects, fetched in parallel with the page's code. The
   * open room's current state, else the stored one (a closed meeting is usually just its compacted
   * snapshot, sent as stored). The socket's sync brings anything newer.
   */
  app.get('/:id/document', async (c) => {
    const id = c.req.param('id');
    const update = await documents.fullState(id); // throws on bytes that cannot be read: 500, nothing sent
    if (!update) return apiError(c, 404, ErrorCode.notFound, `unknown meeting ${id}`, 'id');
    return c.body(update as Uint8Array<ArrayBuffer>, 200, { 'content-type': 'application/octet-stream', 'cache-control': 'no-store' });
  });

  return app;
}
