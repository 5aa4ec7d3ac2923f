/**
 * Integration: the trash. A deleted meeting vanishes from every list, search and dashboard, its
 * sockets close with CloseCode.meetingDeleted and its routes answer 410; restored, it is exactly as
 * it was (document and search hit); purged, nothing of it is left in any table of the file. Bad
 * requests (unknown id, twice, not trashed, wrong confirmation, not the admin) change nothing.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode, addActionItem, addDecision, toMeetingView } from '@suishin/shared';
import type { ApiErrorBody, AuditEntry, TrashEntry } from '@suishin/shared/protocol';
import { apiGet, makeMeeting } from '../testing/historyFixtures';
import { adminHeaders, bearer, createRoleLink } from '../testing/serverAccess';
import { connectStockClient } from '../testing/syncClients';
import { startTestServer, type TestServer } from '../testing/testServer';

const WORD = '紫陽花計画';

const send = (t: TestServer, method: string, path: string, headers: Record<string, string> = adminHeaders(t), body?: unknown) =>
  fetch(`${t.httpUrl}${path}`, { method, headers: { ...headers, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });

async function documentOf(t: TestServer, id: string) {
  const res = await fetch(`${t.httpUrl}/api/meetings/${id}/document`, { headers: adminHeaders(t) });
  if (res.status !== 200) return { status: res.status, view: null };
  const doc = new Y.Doc();
  Y.applyUpdate(doc, new Uint8Array(await res.arrayBuffer()));
  const view = toMeetingView(doc, id);
  doc.destroy();
  return { status: 200, view };
}

/** Everything a person could find the meeting through. */
async function visibility(t: TestServer, id: string) {
  const has = (json: unknown) => JSON.stringify(json).includes(id);
  return {
    list: has((await apiGet(t, '/api/meetings')).json),
    home: has((await apiGet(t, '/api/home')).json),
    archive: has((await apiGet(t, '/api/archive')).json),
    search: has((await apiGet(t, `/api/search?q=${encodeURIComponent(WORD)}`)).json),
    decisions: has((await apiGet(t, '/api/decisions')).json),
    actionItems: has((await apiGet(t, '/api/action-items')).json),
    dashboard: has((await apiGet(t, `/api/dashboard/meetings?department=${encodeURIComponent('営業')}`)).json),
  };
}

const everywhere = { list: true, home: true, archive: true, search: true, decisions: true, actionItems: true, dashboard: true };
const nowhere = Object.fromEntries(Object.keys(everywhere).map((k) => [k, false]));

async function endedMeeting(t: TestServer) {
  return makeMeeting(t, {
    title: '四半期レビュー',
    status: 'ended',
    departments: ['営業'],
    fill: (doc) => {
      addDecision(doc, { text: `${WORD}を承認`, decidedBy: '部長' });
      addActionItem(doc, { title: `${WORD}の見積`, owner: { name: '田中', department: '営業' }, dueDate: '2026-12-24' });
    },
  });
}

describe('the trash', () => {
  it('delete: gone from everywhere, sockets closed; restore: back exactly as it was', async () => {
    const t = await startTestServer();
    const id = await endedMeeting(t);
    const other = await makeMeeting(t, { title: '別の会議' });
    expect(await visibility(t, id)).toEqual(everywhere);
    const before = await documentOf(t, id);
    const searchBefore = (await apiGet(t, `/api/search?q=${encodeURIComponent(WORD)}`)).json;
    const figures = async (server: TestServer) => (await apiGet(server, `/api/dashboard?department=${encodeURIComponent('営業')}`)).json;
    const figuresBefore = await figures(t);

    const link = await createRoleLink(t, id, 'participant');
    const alice = await connectStockClient(t, id);
    const bob = await connectStockClient(t, id, { token: link.token });
    const closes = (c: typeof alice) => {
      const codes: number[] = [];
      c.provider.on('connection-close', (event: { code: number } | null) => event && codes.push(event.code));
      return codes;
    };
    const aliceCodes = closes(alice);
    const bobCodes = closes(bob);

    // A participant, even the meeting's facilitator, may not delete.
    const facilitator = await createRoleLink(t, id, 'facilitator');
    expect((await send(t, 'DELETE', `/api/meetings/${id}`, bearer(facilitator.token))).status).toBe(403);
    expect((await send(t, 'DELETE', `/api/meetings/${id}`, bearer(link.token))).status).toBe(403);
    expect((await apiGet(t, '/api/admin/trash', bearer(link.token))).status).toBe(403);
    expect(await visibility(t, id)).toEqual(everywhere);

    const deleted = await send(t, 'DELETE', `/api/meetings/${id}`);
    expect(deleted.status).toBe(200);
    const entry = (await deleted.json()) as TrashEntry;
    expect(entry).toMatchObject({ meetingId: id, title: '四半期レビュー', status: 'ended' });
    expect(Date.parse(entry.purgeAt) - Date.parse(entry.deletedAt)).toBe(30 * 86_400_000);

    await expect.poll(() => [aliceCodes[0], bobCodes[0]]).toEqual([CloseCode.meetingDeleted, CloseCode.meetingDeleted]);
    expect(await visibility(t, id)).toEqual(nowhere);
    expect(await figures(t)).not.toEqual(figuresBefore); // the follow-through figures leave it out
    expect((await apiGet(t, '/api/meetings')).json.meetings.map((m: { id: string }) => m.id)).toEqual([other]);
    for (const path of [`/api/meetings/${id}`, `/api/meetings/${id}/document`, `/api/meetings/${id}/ticket`]) {
      const res = await send(t, path.endsWith('ticket') ? 'POST' : 'GET', path, bearer(link.token));
      expect(res.status, path).toBe(410);
      expect(((await res.json()) as ApiErrorBody).error.code).toBe('deleted');
    }
    // Deleting twice, and deleting an unknown meeting: a clear error, nothing changes.
    expect((await send(t, 'DELETE', `/api/meetings/${id}`)).status).toBe(410);
    expect((await send(t, 'DELETE', '/api/meetings/no-such-meeting')).status).toBe(404);
    expect((await apiGet(t, '/api/admin/trash')).json.entries.map((e: { meetingId: string }) => e.meetingId)).toEqual([id]);

    // Still in the trash after a restart (and still refused).
    const t2 = await t.restart();
    expect(await visibility(t2, id)).toEqual(nowhere);
    expect((await apiGet(t2, '/api/admin/trash')).json).toMatchObject({ trashDays: 30, entries: [{ meetingId: id }] });

    expect((await send(t2, 'POST', `/api/admin/trash/${id}/restore`)).status).toBe(200);
    expect((await send(t2, 'POST', `/api/admin/trash/${id}/restore`)).status).toBe(409);
    expect((await send(t2, 'POST', '/api/admin/trash/no-such-meeting/restore')).status).toBe(404);
    expect(await visibility(t2, id)).toEqual(everywhere);
    expect(await documentOf(t2, id)).toEqual(before);
    expect((await apiGet(t2, `/api/search?q=${encodeURIComponent(WORD)}`)).json).toEqual(searchBefore);
    expect(await figures(t2)).toEqual(figuresBefore);
    // The old links work again (the access key was kept).
    expect((await apiGet(t2, `/api/meetings/${id}`, bearer(link.token))).status).toBe(200);

    const kinds = ((await apiGet(t2, `/api/audit?meeting=${id}`)).json.entries as AuditEntry[]).map((e) => e.kind);
    expect(kinds.filter((k) => k === 'meetingDeleted' || k === 'meetingRestored').sort()).toEqual(['meetingDeleted', 'meetingRestored']);
  });

  it('purge: only a trashed meeting, only with its title typed; then it is gone from every table', async () => {
    const t = await startTestServer();
    const id = await endedMeeting(t);
    const link = await createRoleLink(t, id, 'participant');
    expect((await send(t, 'PUT', `/api/meetings/${id}/rating`, bearer(link.token), { score: 4 })).status).toBe(200);

    expect((await send(t, 'DELETE', `/api/admin/trash/${id}`, adminHeaders(t), { confirm: '四半期レビュー' })).status).toBe(409); // not trashed
    expect((await send(t, 'DELETE', '/api/admin/trash/nope', adminHeaders(t), { confirm: 'x' })).status).toBe(404);
    expect((await send(t, 'DELETE', `/api/meetings/${id}`)).status).toBe(200);
    const wrong = await send(t, 'DELETE', `/api/admin/trash/${id}`, adminHeaders(t), { confirm: '四半期' });
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as ApiErrorBody).error.field).toBe('confirm');
    expect((await send(t, 'DELETE', `/api/admin/trash/${id}`, adminHeaders(t), {})).status).toBe(400);
    expect((await send(t, 'DELETE', `/api/admin/trash/${id}`, bearer(link.token), { confirm: '四半期レビュー' })).status).toBe(403);
    expect((await apiGet(t, '/api/admin/trash')).json.entries).toHaveLength(1);

    expect((await send(t, 'DELETE', `/api/admin/trash/${id}`, adminHeaders(t), { confirm: '四半期レビュー' })).status).toBe(200);
    expect((await send(t, 'DELETE', `/api/admin/trash/${id}`, adminHeaders(t), { confirm: '四半期レビュー' })).status).toBe(404);
    expect((await send(t, 'POST', `/api/admin/trash/${id}/restore`)).status).toBe(404);
    expect((await apiGet(t, '/api/admin/trash')).json.entries).toEqual([]);
    const audit = ((await apiGet(t, `/api/audit?meeting=${id}&kind=meetingPurged`)).json.entries as AuditEntry[]);
    expect(audit).toHaveLength(1);
    expect(audit[0]!.detail).toMatchObject({ reason: 'admin' });

    await t.server.close();
    const db = new Database(join(t.dataDir, 'suishin.sqlite'), { readonly: true });
    try {
      const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all().map((r) => r.name);
      const leftovers: string[] = [];
      for (const table of tables) {
        if (table === 'audit_log') continue; // the trail outlives what it describes
        const columns = db.prepare<[], { name: string }>(`PRAGMA table_info("${table}")`).all().map((c) => c.name);
        for (const column of columns.filter((c) => c === 'id' || c.endsWith('meeting_id'))) {
          const n = db.prepare<[string], { n: number }>(`SELECT count(*) AS n FROM "${table}" WHERE "${column}" = ?`).get(id)!.n;
          if (n > 0) leftovers.push(`${table}.${column}`);
        }
      }
      expect(leftovers).toEqual([]);
      expect(tables).toEqual(expect.arrayContaining(['updates', 'snapshots', 'meetings', 'meeting_ratings', 'proj_decisions', 'follow_search', 'follow_action_chains', 'trash']));
      expect(db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM follow_search WHERE follow_search MATCH ?').get(`"${WORD}"`)!.n).toBe(0);
    } finally {
      db.close();
    }
  });

  it('purges what is past TRASH_DAYS at startup, and audits it as retention', async () => {
    const t = await startTestServer();
    const id = await makeMeeting(t, { title: '古い会議' });
    await t.server.store.trashMeeting(id, Date.now() - 31 * 86_400_000, 'admin');
    const t2 = await t.restart();
    expect(await t2.server.store.getMeetingRow(id)).toBeNull();
    const audit = (await apiGet(t2, `/api/audit?meeting=${id}&kind=meetingPurged`)).json.entries as AuditEntry[];
    expect(audit.map((e) => e.detail)).toEqual([{ title: '古い会議', reason: 'retention' }]);
  });
});
