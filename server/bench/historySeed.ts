/**
 * Grows a workspace's history for the history bench, through the ports the server itself uses
 * (the meeting store, the projection store, the follow-through index, the series store): no
 * HTTP, so 30,000 meetings take a minute, not an hour.
 *
 * The workspace: 30 bodies (series) meeting weekly; meeting i (0 = the newest) is body i % 30,
 * held floor(i / 30) weeks before today. Growing from 300 to 3,000 to 30,000 adds older weeks:
 * the same workspace, looked at with 10 weeks, 2 years and 19 years behind it. Each meeting: 3
 * agenda items with notes, 5 decisions, 5 action items, 2 KPIs; the word 出展 is in every
 * meeting's notes; ユニコーン in one meeting only. Items of the last 8 weeks are open at 60 %, older
 * ones at 2 % (the ones that quietly died).
 */
import './fastRandom';
import * as Y from 'yjs';
import {
  addActionItem,
  addAgendaItem,
  addDecision,
  addKpi,
  endMeeting,
  getAgendaNotes,
  getClosingNotes,
  getMeta,
  initMeeting,
  startMeeting,
  toMeetingView,
} from '@suishin/shared';
import { openFollowThroughDb, prepareFollowThroughTables } from '../src/projections/sqlite/followThroughDb';
import { SqliteFollowThroughIndex } from '../src/projections/sqlite/sqliteFollowThroughIndex';
import { toMeetingRecord } from '../src/projections/meetingRecord';
import { openSqliteProjection } from '../src/projections/sqlite/sqliteProjectionStore';
import { openSqliteStore } from '../src/persistence/sqlite/sqliteStore';
import { sqliteSeriesStore } from '../src/persistence/sqlite/sqliteSeriesStore';

export const BODIES = 30;
export const DEPARTMENTS = ['営業', '製品', 'マーケティング', '経理', '人事', '開発', 'CS', '法務', '購買', '物流'];
export const OWNERS = ['佐藤', '鈴木', '高橋', '田中', '伊藤', '渡辺', '山本', '中村', '小林', '加藤', 'Kim', 'Smith'];
export const RARE_WORD = 'ユニコーン';
export const COMMON_WORD = '出展';

const WEEK = 7 * 86_400_000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export interface SeededWorkspace {
  seriesIds: string[];
  /** One ended meeting to open (the newest). */
  sampleMeetingId: string;
}

let seed = 7;
const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
const pick = <T>(values: readonly T[]) => values[Math.floor(rand() * values.length)]!;

function meetingDoc(i: number, seriesId: string, heldAt: number, bodies: number): Y.Doc {
  const body = i % bodies;
  const departments = [DEPARTMENTS[body % DEPARTMENTS.length]!, DEPARTMENTS[(body + 3) % DEPARTMENTS.length]!];
  const recent = i < bodies * 8;
  const doc = new Y.Doc();
  initMeeting(doc, { title: `定例 ${body + 1} ${day(heldAt)}`, seriesId, departments, language: 'ja', place: `会議室 ${(body % 5) + 1}` });
  const topics = ['前回からの宿題', `${pick(['展示会', '価格改定', '採用計画', '新製品'])}について`, '数字の確認'];
  for (const [k, title] of topics.entries()) {
    const id = addAgendaItem(doc, { title, timeboxMinutes: 10 + k * 5, presenter: pick(OWNERS) });
    const notes = getAgendaNotes(doc, id);
    const paragraph = new Y.XmlElement('paragraph');
    const rare = i === 137 && k === 1 ? `${RARE_WORD}案件の話も出た。` : '';
    paragraph.insert(0, [new Y.XmlText(`来月の展示会に${COMMON_WORD}する準備を確認した。${rare}担当は${pick(OWNERS)}、予算は${Math.round(rand() * 900 + 100)}万円。`)]);
    notes.insert(0, [paragraph]);
  }
  // Every 10th meeting revises its first decision; every 7th sets a review date two months on.
  let first = '';
  for (let k = 0; k < 5; k++) {
    const id = addDecision(doc, {
      text: `${pick(['価格表', '採用計画', '展示会の出展内容', '在庫の基準'])}を${pick(['来月から', '次の四半期に', '今週中に'])}見直すことに決定した (${i}-${k})`,
      decidedBy: pick(['部長', '課長', 'CTO']),
      ...(k === 1 && i % 7 === 0 ? { reviewDate: day(heldAt + 60 * 86_400_000) } : {}),
      ...(k === 4 && i % 10 === 3 ? { supersedesId: first } : {}),
    });
    if (k === 0) first = id;
  }
  for (let k = 0; k < 5; k++) {
    const open = rand() < (recent ? 0.6 : 0.02);
    addActionItem(doc, {
      title: `${pick(['見積もりを送付する', '資料を共有する', '顧客に連絡する', '予算案を作る'])} (${i}-${k})`,
      owner: { name: pick(OWNERS), department: pick(departments) },
      // One in ten was due before the meeting that closes it: closed late.
      dueDate: day(heldAt + (rand() < 0.1 ? -3 : 7 + Math.floor(rand() * 14)) * 86_400_000),
      status: open ? 'open' : 'done',
    });
  }
  addKpi(doc, { name: '受注件数', unit: '件', target: 10, actual: Math.round(rand() * 15) });
  addKpi(doc, { name: '解約率', unit: '%', target: 2, actual: Math.round(rand() * 50) / 10, direction: 'lower_is_better' });
  startMeeting(doc, heldAt);
  endMeeting(doc, heldAt + 3_600_000);
  return doc;
}

/**
 * Adds meetings `from` … `to - 1` (in the numbering above, with `bodies` in place of 30) to the workspace in `dataDir`, creating
 * the series on the first call. Resolves once everything is committed.
 */
export async function seedHistory(dataDir: string, from: number, to: number, now: number, bodies = BODIES): Promise<SeededWorkspace> {
  const store = openSqliteStore({ dataDir });
  const projection = openSqliteProjection({ dataDir });
  const { db: followDb } = openFollowThroughDb(dataDir);
  followDb.close();
  // The index on the projection's own connection, so one transaction holds a batch of meetings
  // (per-meeting commits on two connections made seeding five times slower).
  const db = projection.db;
  prepareFollowThroughTables(db);
  const index = new SqliteFollowThroughIndex(db);
  const seriesStore = sqliteSeriesStore(db);
  try {
    // Body b is the series named 定例 b+1 (list() orders by creation time, equal within a run).
    const byName = new Map((await seriesStore.list()).map((s) => [s.name, s]));
    const series = await Promise.all(Array.from({ length: bodies }, (_, b) => {
      const name = `定例 ${b + 1}`;
      return byName.get(name) ?? seriesStore.create({ name, departments: [DEPARTMENTS[b % DEPARTMENTS.length]!, DEPARTMENTS[(b + 3) % DEPARTMENTS.length]!], language: 'ja', agendaTemplate: [{ title: '数字の確認', presenter: '', timeboxMinutes: 20 }], usualAttendees: [] });
    }));
    // 10:00 Tokyo on today's day, minus whole weeks.
    const todayAt = Date.parse(`${day(now + 9 * 3_600_000)}T01:00:00Z`);
    const batch: Array<Promise<unknown>> = [];
    db.exec('BEGIN');
    for (let i = from; i < to; i++) {
      const heldAt = todayAt - Math.floor(i / bodies) * WEEK - (i % bodies) * 60_000;
      const doc = meetingDoc(i, series[i % bodies]!.id, heldAt, bodies);
      const id = `bench-${String(i).padStart(6, '0')}`;
      const meta = getMeta(doc);
      batch.push(store.createMeeting(id, Y.encodeStateAsUpdate(doc), { title: meta.title, status: meta.status, scheduledStart: meta.scheduledStart }));
      const record = toMeetingRecord(toMeetingView(doc, id), getClosingNotes(doc), { createdAt: heldAt });
      await projection.replaceMeeting(record);
      await index.indexMeeting(record, new Map());
      doc.destroy();
      if (batch.length >= 500) {
        db.exec('COMMIT');
        await Promise.all(batch.splice(0));
        db.exec('BEGIN');
      }
    }
    db.exec('COMMIT');
    await Promise.all(batch);
    return { seriesIds: series.map((s) => s.id), sampleMeetingId: 'bench-000000' };
  } finally {
    if (db.inTransaction) db.exec('ROLLBACK');
    await store.close();
    await projection.close();
  }
}
