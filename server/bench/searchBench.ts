/**
 * Search and dashboard figures: 1,000 meetings with 20,000 decisions and action items (10 + 10 per
 * meeting), all in one series (100-meeting series for the dashboard), seeded directly through the
 * projection and the follow-through index (no HTTP). Prints p50/p95 of searches (trigram and the
 * short-query LIKE fallback) and of the dashboard of a 100-meeting series. Bounded: ~10 s.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { addActionItem, addAgendaItem, addDecision, addKpi, getClosingNotes, initMeeting, startMeeting, toMeetingView } from '@suishin/shared';
import { openSqliteProjection } from '../src/projections/sqlite/sqliteProjectionStore';
import { toMeetingRecord } from '../src/projections/meetingRecord';
import { openFollowThroughDb } from '../src/followThrough/followThroughDb';
import { FollowThroughIndex } from '../src/followThrough/followThroughIndex';
import { searchMeetings } from '../src/search/searchMeetings';
import { loadDashboard } from '../src/followThrough/dashboard';

const dir = mkdtempSync(join(tmpdir(), 'suishin-search-bench-'));
const WORDS = ['価格表', '採用計画', '新製品', '見積もり', '顧客満足度', '在庫', 'release', 'login', 'pricing', 'roadmap', 'budget', 'hiring'];
let seed = 42;
const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
const pick = <T>(a: T[]) => a[Math.floor(rand() * a.length)]!;
try {
  const projection = openSqliteProjection({ dataDir: dir });
  const { db } = openFollowThroughDb(dir);
  const index = new FollowThroughIndex(db);
  const t0 = performance.now();
  for (let m = 0; m < 1000; m++) {
    const doc = new Y.Doc();
    initMeeting(doc, { title: `定例 #${m}`, seriesId: `series-${m % 10}`, departments: ['営業', '製品'] });
    addAgendaItem(doc, { title: `${pick(WORDS)}について` });
    for (let i = 0; i < 10; i++) addDecision(doc, { text: `来月から${pick(WORDS)}の方針を${pick(WORDS)}に合わせて変更することに決定した (${m}-${i})`, decidedBy: '部長' });
    for (let i = 0; i < 10; i++) addActionItem(doc, { title: `${pick(WORDS)} follow-up ${m}-${i}`, owner: { name: pick(['佐藤', 'Tanaka', '鈴木']), department: pick(['営業', '製品']) }, dueDate: `2026-${String(1 + (m % 12)).padStart(2, '0')}-15`, status: pick(['open', 'done', 'done'] as const) });
    addKpi(doc, { name: '受注件数', target: 10, actual: Math.round(rand() * 15) });
    startMeeting(doc, Date.parse('2026-01-01T00:00:00Z') + m * 86_400_000);
    const record = toMeetingRecord(toMeetingView(doc, `m${m}`), getClosingNotes(doc));
    await projection.replaceMeeting(record);
    index.indexMeeting(record, new Map());
    doc.destroy();
  }
  const seedMs = performance.now() - t0;
  const time = (runs: number, f: (i: number) => unknown) => {
    const ms: number[] = [];
    for (let i = 0; i < runs; i++) {
      const s = performance.now();
      f(i);
      ms.push(performance.now() - s);
    }
    ms.sort((a, b) => a - b);
    return { p50: ms[Math.floor(runs * 0.5)]!.toFixed(2), p95: ms[Math.floor(runs * 0.95)]!.toFixed(2) };
  };
  const trigram = time(200, (i) => searchMeetings(db, { q: WORDS[i % WORDS.length]! }));
  const filtered = time(200, (i) => searchMeetings(db, { q: WORDS[i % WORDS.length]!, series: 'series-3', from: '2026-03-01' }));
  const short = time(100, (i) => searchMeetings(db, { q: ['在庫', '価格', 'ok'][i % 3]! }));
  const dashboard = time(30, (i) => loadDashboard(db, { series: `series-${i % 10}`, today: '2026-11-28' }));
  console.log(`search bench: 1000 meetings, 20000 decisions+action items (seeded in ${(seedMs / 1000).toFixed(1)} s)`);
  console.log(`  search (trigram, top 50)        p50 ${trigram.p50} ms  p95 ${trigram.p95} ms`);
  console.log(`  search (series+date filter)     p50 ${filtered.p50} ms  p95 ${filtered.p95} ms`);
  console.log(`  search (<3 chars, LIKE)         p50 ${short.p50} ms  p95 ${short.p95} ms`);
  console.log(`  dashboard (100-meeting series)  p50 ${dashboard.p50} ms  p95 ${dashboard.p95} ms`);
  db.close();
  await projection.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
