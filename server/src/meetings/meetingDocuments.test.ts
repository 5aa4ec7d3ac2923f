/**
 * How often the features that follow meetings touch them, counted at the store and the projection:
 * ending a meeting projects it once (from the room's document, no extra load), and "next meeting"
 * in a series reads each earlier meeting once.
 */
import { describe, expect, it } from 'vitest';
import { addActionItem, addDecision, startMeeting, updateActionItem } from '@suishin/shared';
import { openSqliteStore } from '../persistence/sqlite/sqliteStore';
import type { ProjectionStore } from '../projections/projectionStore';
import { openSqliteProjection } from '../projections/sqlite/sqliteProjectionStore';
import { changeMeeting, postJson } from '../testing/closingHelpers';
import { instrumentStore } from '../testing/instrumentedStore';
import { adminHeaders } from '../testing/serverAccess';
import { makeTempDir, startTestServer, type TestServer } from '../testing/testServer';

/** The projection, counting each meeting's full projections (as ended) and listings. */
function countingProjection(inner: ProjectionStore) {
  const ended = new Map<string, number>();
  const listed = new Map<string, number>();
  const counting: ProjectionStore = {
    replaceMeeting: async (record) => {
      const counts = record.meeting.status === 'ended' ? ended : listed;
      counts.set(record.meeting.meetingId, (counts.get(record.meeting.meetingId) ?? 0) + 1);
      await inner.replaceMeeting(record);
    },
    removeMeeting: (id) => inner.removeMeeting(id),
    clear: () => inner.clear(),
    meetingIds: () => inner.meetingIds(),
    get needsRebuild() {
      return inner.needsRebuild;
    },
    close: () => inner.close(),
  };
  return { counting, ended, listed };
}

async function server() {
  const dataDir = makeTempDir();
  const store = instrumentStore(openSqliteStore({ dataDir }));
  const projection = countingProjection(openSqliteProjection({ dataDir }));
  const t = await startTestServer({ dataDir, deps: { store, projection: projection.counting } });
  const loads = new Map<string, number>();
  store.events.on('load', (id: string) => loads.set(id, (loads.get(id) ?? 0) + 1));
  return { t, loads, ...projection };
}

const api = (t: TestServer, path: string, body: unknown = {}) => postJson(`${t.httpUrl}${path}`, body, adminHeaders(t));

async function endMeeting(t: TestServer, id: string) {
  const res = await api(t, `/api/meetings/${id}/end`);
  expect(res.status).toBe(200);
}

describe('meeting documents, read and projected as few times as they must be', () => {
  it('ending a meeting nobody has open loads it once and projects it once', async () => {
    const { t, loads, ended } = await server();
    const id = ((await (await api(t, '/api/meetings', { title: '週次定例' })).json()) as { id: string }).id;
    await changeMeeting(t, id, (doc) => {
      addDecision(doc, { text: '出展する', decidedBy: '部長' });
      startMeeting(doc, Date.now());
    });
    await t.server.rooms.peek(id)?.whenIdle();
    while (t.server.rooms.peek(id)) await new Promise((r) => setTimeout(r, 10)); // unloaded after the change
    loads.clear();
    await endMeeting(t, id);
    expect(loads.get(id)).toBe(1); // the room, loaded for the change; the projection reads its document
    expect(ended.get(id)).toBe(1);
    // Nothing later projects it again (the list row turning "ended" is left to the end's projection).
    await new Promise((r) => setTimeout(r, 700));
    await t.server.closing.close();
    expect(ended.get(id)).toBe(1);
  });

  it('"next meeting" reads each earlier meeting of the series once', async () => {
    const { t, loads } = await server();
    const series = (await (await api(t, '/api/series', { name: '営業×製品 定例', departments: ['営業'], agendaTemplate: [{ title: '数字の確認', timeboxMinutes: 15 }] })).json()) as { id: string };
    const meetings: string[] = [];
    for (let i = 0; i < 3; i++) {
      const next = (await (await api(t, `/api/series/${series.id}/next`)).json()) as { meetingId: string };
      meetings.push(next.meetingId);
      await changeMeeting(t, next.meetingId, (doc) => {
        const a = addActionItem(doc, { title: `見積 ${i}`, owner: { name: '佐藤', department: '営業' }, dueDate: '2027-01-10' });
        if (i === 1) updateActionItem(doc, a, { status: 'done' });
        startMeeting(doc, Date.now());
      });
      await endMeeting(t, next.meetingId);
    }
    while (meetings.some((id) => t.server.rooms.peek(id))) await new Promise((r) => setTimeout(r, 10));
    loads.clear();
    const res = await api(t, `/api/series/${series.id}/next`);
    expect(res.status).toBe(201);
    for (const id of meetings) expect(loads.get(id) ?? 0, `loads of ${id}`).toBe(1);
  });
});
