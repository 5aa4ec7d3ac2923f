/**
 * GET /api/audit?meeting=&person=&kind=&cursor=&limit=  the audit trail for the workspace admin,
 * newest first, a page at a time (AuditPage); every parameter validated (400 naming it).
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { AUDIT_KINDS, COUNT_CAP, DEFAULT_PAGE_SIZE, MAX_ID_LENGTH, MAX_PAGE_SIZE, type AuditPage, type AuditQuery } from '@suishin/shared/protocol';
import type { AuditLog } from '../audit/auditLog';
import { requireAdmin } from './authenticate';
import type { CursorCodec } from './cursorCodec';
import { parseQuery } from './historyQueries';
import { listPage, withoutPaging } from './paging';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const text = (max: number) =>
  z.string().min(1, 'must not be empty').max(max, `at most ${max} characters`).refine((v) => !CONTROL.test(v), 'must not contain control characters');

export const auditQuery = z.strictObject({
  meeting: text(MAX_ID_LENGTH).optional(),
  person: text(400).optional(),
  kind: z.enum(AUDIT_KINDS).optional(),
  cursor: z.string().max(1000).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).optional(),
}) satisfies z.ZodType<AuditQuery, unknown>;

const auditKey = z.strictObject({ id: z.number().int().min(1) });

export function auditRoutes({ log, cursors }: { log: AuditLog; cursors: CursorCodec }) {
  return new Hono().get('/audit', requireAdmin(), async (c) => {
    const query = parseQuery(c, auditQuery);
    if (!query.ok) return query.res;
    const filters = withoutPaging(query.value);
    const filter = { meetingId: filters.meeting, person: filters.person, kind: filters.kind };
    const limit = query.value.limit ?? DEFAULT_PAGE_SIZE;
    const page = await listPage(c, cursors, { name: 'audit', filters, cursor: query.value.cursor, key: auditKey }, {
      page: async (after) => {
        const found = await log.page(filter, limit, after?.id ?? null);
        return { rows: found.entries, next: found.next === null ? null : { id: found.next } };
      },
      count: () => log.count(filter, COUNT_CAP),
    });
    if (!page.ok) return page.res;
    const body: AuditPage = { entries: page.rows, nextCursor: page.nextCursor, total: page.total };
    return c.json(body);
  });
}
