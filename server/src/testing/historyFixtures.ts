/**
 * Meetings for the history tests, made the way the app makes them: created over REST, then
 * started, filled and ended on the server (the room's own change path and the closing service).
 */
import * as Y from 'yjs';
import { getMeta, pauseTimer, startMeeting } from '@suishin/shared';
import { adminHeaders } from './serverAccess';
import type { TestServer } from './testServer';

export interface MeetingSpec {
  title: string;
  seriesId?: string;
  departments?: string[];
  /** "YYYY-MM-DD": scheduled for 10:00 Tokyo time that day. */
  day?: string;
  /** draft (default), live (started on its day) or ended. */
  status?: 'draft' | 'live' | 'ended';
  /** Written to the document before it starts. */
  fill?: (doc: Y.Doc) => void;
}

export const tokyo = (day: string) => Date.parse(`${day}T10:00:00+09:00`);

export async function apiGet<T = any>(t: TestServer, path: string, headers: Record<string, string> = adminHeaders(t)): Promise<{ status: number; json: T }> {
  const res = await fetch(`${t.httpUrl}${path}`, { headers });
  return { status: res.status, json: (await res.json()) as T };
}

export async function makeMeeting(t: TestServer, spec: MeetingSpec): Promise<string> {
  const res = await fetch(`${t.httpUrl}/api/meetings`, {
    method: 'POST',
    headers: { ...adminHeaders(t), 'content-type': 'application/json' },
    body: JSON.stringify({
      title: spec.title,
      seriesId: spec.seriesId ?? null,
      departments: spec.departments ?? [],
      scheduledStart: spec.day ? new Date(tokyo(spec.day)).toISOString() : null,
    }),
  });
  if (res.status !== 201) throw new Error(`create meeting: ${res.status} ${await res.text()}`);
  const id = ((await res.json()) as { id: string }).id;
  const status = spec.status ?? 'draft';
  if (spec.fill || status !== 'draft') {
    await t.server.rooms.withRoom(id, async (room) => {
      await room.applyServerChange((doc) => {
        spec.fill?.(doc);
        if (status !== 'draft') {
          const at = spec.day ? tokyo(spec.day) : Date.now();
          startMeeting(doc, at);
          if (getMeta(doc).timer) pauseTimer(doc, at); // no timer running from that day until now
        }
      });
      await room.refreshProjection(); // the list row (and so the listing) now, not after the room's delay
    });
  }
  if (status === 'ended') await t.server.closing.end(id);
  return id;
}

/** Follows nextCursor until the end; `between` runs after each page (to change the workspace meanwhile). */
export async function allPages<T>(t: TestServer, path: string, key: string, between?: (page: number) => Promise<void>): Promise<{ rows: T[]; pages: number; total: unknown }> {
  const rows: T[] = [];
  let cursor: string | null = null;
  let pages = 0;
  let total: unknown = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const res: { status: number; json: any } = await apiGet(t, cursor ? `${path}${sep}cursor=${encodeURIComponent(cursor)}` : path);
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.json)}`);
    if (pages === 0) total = res.json.total;
    else if (res.json.total !== null) throw new Error('a later page carried a total');
    rows.push(...(res.json[key] as T[]));
    cursor = res.json.nextCursor;
    pages++;
    await between?.(pages);
  } while (cursor);
  return { rows, pages, total };
}
