/**
 * GET /api/search?q=&series=&department=&from=&to=  full-text hits with highlighted snippets.
 * GET /api/archive?series=&department=&from=&to=&status=  meetings filtered (ended ones from the
 * projection; drafts and live ones from their documents).
 */
import { Hono } from 'hono';
import { getMeta } from '@suishin/shared';
import type { MeetingStore } from '../persistence/store';
import { docFromStored } from '../meetings/storedDocument';
import { visibleMeetings, type FollowThrough, type GrantSource } from '../followThrough/followThrough';
import { searchMeetings } from '../search/searchMeetings';
import { invalidInput } from './apiErrors';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export interface ArchiveEntry {
  id: string;
  title: string;
  status: string;
  seriesId: string | null;
  departments: string[];
  heldOn: string | null;
  scheduledStart: string | null;
  updatedAt: string;
}

export function searchRoutes({ followThrough, auth, store }: { followThrough: FollowThrough; auth?: GrantSource; store: MeetingStore }) {
  const app = new Hono();

  app.get('/search', async (c) => {
    const { q = '', series, department, from, to } = c.req.query();
    if (q.length > 200) return invalidInput(c, 'q: at most 200 characters', 'q');
    for (const [name, v] of [['from', from], ['to', to]] as const) if (v && !DAY.test(v)) return invalidInput(c, `${name}: must be YYYY-MM-DD`, name);
    const hits = searchMeetings(followThrough.db, { q, series, department, from, to, visible: await visibleMeetings(c, auth) });
    return c.json({ q, hits });
  });

  app.get('/archive', async (c) => {
    const { series, department, from, to, status } = c.req.query();
    for (const [name, v] of [['from', from], ['to', to]] as const) if (v && !DAY.test(v)) return invalidInput(c, `${name}: must be YYYY-MM-DD`, name);
    if (status && !['draft', 'live', 'ended'].includes(status)) return invalidInput(c, 'status: draft, live or ended', 'status');
    const visible = await visibleMeetings(c, auth);
    const projected = new Map(
      followThrough.db
        .prepare<[], { meeting_id: string; series_id: string | null; held_on: string | null; departments: string | null }>(
          `SELECT m.meeting_id, m.series_id, m.held_on,
                  (SELECT json_group_array(department) FROM proj_meeting_departments d WHERE d.meeting_id = m.meeting_id) AS departments
           FROM proj_meetings m`,
        )
        .all()
        .map((r) => [r.meeting_id, r]),
    );
    const entries: ArchiveEntry[] = [];
    for (const row of await store.listMeetings()) {
      if (visible && !visible.has(row.id)) continue;
      if (status && row.status !== status) continue;
      const p = projected.get(row.id);
      let seriesId: string | null;
      let departments: string[];
      let heldOn: string | null;
      if (p && row.status === 'ended') {
        seriesId = p.series_id;
        departments = JSON.parse(p.departments ?? '[]') as string[];
        heldOn = p.held_on;
      } else {
        const stored = await store.loadMeeting(row.id);
        if (!stored) continue;
        const doc = docFromStored(stored);
        const meta = getMeta(doc);
        doc.destroy();
        seriesId = meta.seriesId;
        departments = meta.departments;
        heldOn = meta.startedAt ? new Date(meta.startedAt).toISOString().slice(0, 10) : (meta.scheduledStart?.slice(0, 10) ?? null);
      }
      if (series && seriesId !== series) continue;
      if (department && !departments.includes(department)) continue;
      if (from && (heldOn === null || heldOn < from)) continue;
      if (to && (heldOn === null || heldOn > to)) continue;
      entries.push({ id: row.id, title: row.title, status: row.status, seriesId, departments, heldOn, scheduledStart: row.scheduledStart, updatedAt: new Date(row.updatedAt).toISOString() });
    }
    entries.sort((a, b) => (b.heldOn ?? '').localeCompare(a.heldOn ?? '') || b.updatedAt.localeCompare(a.updatedAt));
    return c.json({ meetings: entries });
  });

  return app;
}
