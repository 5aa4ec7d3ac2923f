import { createLogger } from '../logger';
import { MeetingDocuments } from '../meetings/meetingDocuments';
import { MemoryFollowThroughIndex } from '../testing/memory/memoryFollowThroughIndex';
import { MeetingProjector } from './meetingProjector';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addActionItem,
  addAgendaItem,
  addAttendee,
  addDecision,
  addKpi,
  endMeeting,
  initMeeting,
  setClosingOverride,
  startMeeting,
  updateActionItem,
} from '@suishin/shared';
import { openSqliteStore } from '../persistence/sqlite/sqliteStore';
import { makeTempDir } from '../testing/testServer';
import { projectStoredMeeting, rebuildProjection } from './rebuild';
import { PROJECTION_VERSION } from './sqlite/projectionSchema';
import { openSqliteProjection } from './sqlite/sqliteProjectionStore';

const TABLES = [
  'proj_meetings',
  'proj_meeting_departments',
  'proj_attendees',
  'proj_agenda_items',
  'proj_decisions',
  'proj_action_items',
  'proj_action_item_refs',
  'proj_kpi_values',
  'proj_closing_overrides',
];

function meetingDoc(title: string, seriesId: string | null, started: number): Y.Doc {
  const doc = new Y.Doc();
  initMeeting(doc, { title, seriesId, departments: ['営業部', 'プロダクト部', '営業部'], language: 'ja' });
  addAttendee(doc, { name: '山田', department: '営業部' });
  addAttendee(doc, { name: 'Kim', department: 'CS', present: false });
  const item = addAgendaItem(doc, { title: `${title}: 受注見込み`, timeboxMinutes: 10 });
  addDecision(doc, { text: '価格改定を7月に実施', decidedBy: '部長', agendaItemId: item });
  const kpi = addKpi(doc, { name: '解約率', unit: '%', target: 2, actual: 5, direction: 'lower_is_better' });
  const action = addActionItem(doc, {
    title: '解約理由の調査',
    owner: { name: '山田', department: '営業部' },
    link: { kind: 'kpi', id: kpi },
  });
  updateActionItem(doc, action, { externalRefs: [{ tracker: 'jira', key: 'OPS-1', url: 'https://x.atlassian.net/browse/OPS-1' }] });
  setClosingOverride(doc, `action-due-date:${action}`, { reason: '来週決める', by: '佐藤' }, started + 1);
  startMeeting(doc, started);
  endMeeting(doc, started + 3_600_000);
  return doc;
}

function dump(db: ReturnType<typeof openSqliteProjection>['db']) {
  return Object.fromEntries(
    TABLES.map((table) => [table, db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all().map((row) => ({ ...(row as object), projected_at: undefined }))]),
  );
}

describe('relational projection', () => {
  it('dropped and rebuilt from the stored documents alone, it holds the same rows', async () => {
    const dataDir = makeTempDir();
    const store = openSqliteStore({ dataDir });
    const projection = openSqliteProjection({ dataDir });
    const documents = new MeetingDocuments({ store, rooms: null });
    const projector = new MeetingProjector({ projection, index: new MemoryFollowThroughIndex(), timeZone: 'Asia/Tokyo', logger: createLogger('silent') });
    try {
      expect(projection.needsRebuild).toBe(true);
      const started = Date.parse('2025-07-01T01:00:00Z');
      for (const [i, id] of ['m1', 'm2', 'm3'].entries()) {
        const doc = meetingDoc(`週次定例 ${i + 1}`, 'series-1', started + i * 7 * 86_400_000);
        await store.createMeeting(id, Y.encodeStateAsUpdate(doc), { title: 'x', status: 'ended', scheduledStart: null });
        await projectStoredMeeting(documents, projector, id);
      }
      const before = dump(projection.db);
      expect(before.proj_meetings).toHaveLength(3);
      expect(before.proj_meeting_departments).toHaveLength(6); // duplicates folded
      expect(before.proj_action_item_refs).toEqual([
        { meeting_id: 'm1', action_item_id: expect.any(String), tracker: 'jira', key: 'OPS-1', url: 'https://x.atlassian.net/browse/OPS-1', projected_at: undefined },
        expect.objectContaining({ meeting_id: 'm2' }),
        expect.objectContaining({ meeting_id: 'm3' }),
      ]);
      expect(projection.db.prepare("SELECT held_on FROM proj_meetings WHERE meeting_id = 'm2'").get()).toEqual({ held_on: '2025-07-08' });
      expect(projection.db.prepare("SELECT COUNT(*) AS n FROM proj_kpi_values WHERE series_id = 'series-1' AND status = 'off_track'").get()).toEqual({ n: 3 });

      for (const table of TABLES.slice(1)) projection.db.exec(`DELETE FROM ${table}`);
      projection.db.exec('DELETE FROM proj_meetings');
      expect(dump(projection.db).proj_meetings).toEqual([]);

      const result = await rebuildProjection({ store, documents, projector });
      expect(result).toEqual({ projected: 3, failed: [] });
      expect(dump(projection.db)).toEqual(before);
    } finally {
      await projection.close();
      await store.close();
    }
  });

  it('recreates its tables when the projection version changes, and asks for a rebuild', async () => {
    const dataDir = makeTempDir();
    let projection = openSqliteProjection({ dataDir });
    projection.db.exec("INSERT INTO proj_meetings (meeting_id, title, status, language, place, sort_at, attendee_count, present_count, planned_seconds, actual_seconds, decision_count, action_item_count, closing_override_count, next_meeting_text, projected_at) VALUES ('old', 't', 'ended', 'ja', '', 0, 0, 0, 0, 0, 0, 0, 0, '', 0)");
    await projection.close();

    projection = openSqliteProjection({ dataDir });
    expect(projection.needsRebuild).toBe(false);
    expect(await projection.meetingIds()).toEqual(['old']);
    projection.db.prepare("UPDATE projection_meta SET value = ? WHERE key = 'version'").run(String(PROJECTION_VERSION - 1));
    await projection.close();

    projection = openSqliteProjection({ dataDir });
    expect(projection.needsRebuild).toBe(true);
    expect(await projection.meetingIds()).toEqual([]);
    await projection.close();
  });
});
