/**
 * Search over a seeded projection: trigram and character-pair queries find the same substrings,
 * newest first in rowid order, relevance over a bounded candidate set, pages without repeats, and
 * counts that stop at the cap.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addActionItem, addAgendaItem, addDecision, endMeeting, getClosingNotes, initMeeting, startMeeting, toMeetingView } from '@suishin/shared';
import { SEARCH_CANDIDATES } from '@suishin/shared/protocol';
import { openFollowThroughDb } from './followThroughDb';
import { SqliteFollowThroughIndex } from './sqliteFollowThroughIndex';
import { makeTempDir } from '../../testing/testServer';
import type { SearchFilter, SearchKey } from '../historyReads';
import { toMeetingRecord } from '../meetingRecord';
import { openSqliteProjection } from './sqliteProjectionStore';
import { SEARCH_COUNT_CAP, searchQueries } from './searchQueries';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function seeded(meetings: number, fill: (doc: Y.Doc, m: number) => void) {
  const dir = makeTempDir();
  const projection = openSqliteProjection({ dataDir: dir });
  const { db } = openFollowThroughDb(dir);
  const index = new SqliteFollowThroughIndex(db);
  for (let m = 0; m < meetings; m++) {
    const doc = new Y.Doc();
    initMeeting(doc, { title: `定例 #${m}`, seriesId: `s${m % 2}`, departments: [m % 3 === 0 ? '営業' : '製品'] });
    fill(doc, m);
    startMeeting(doc, Date.parse('2026-01-01T01:00:00Z') + m * 86_400_000);
    endMeeting(doc, Date.parse('2026-01-01T02:00:00Z') + m * 86_400_000);
    const record = toMeetingRecord(toMeetingView(doc, `m${String(m).padStart(3, '0')}`), getClosingNotes(doc));
    await projection.replaceMeeting(record);
    await index.indexMeeting(record, new Map());
    doc.destroy();
  }
  closers.push(async () => {
    db.close();
    await projection.close();
  });
  return searchQueries(db);
}

const f = (q: string, extra: Partial<SearchFilter> = {}): SearchFilter => ({ q, sort: 'newest', ...extra });

describe('search queries', () => {
  it('finds one-, two- and three-character words inside Japanese sentences, newest first, with marks, filtered', async () => {
    const search = await seeded(6, (doc, m) => {
      addDecision(doc, { text: `来月の展示会に出展することに決定した (${m})`, decidedBy: '部長' });
      addActionItem(doc, { title: `Update the Pricing page ${m}` });
      if (m === 2) addAgendaItem(doc, { title: '在庫の確認' });
    });
    const ids = (q: string, extra?: Partial<SearchFilter>) => search.search(f(q, extra), null, null, 50).hits.map((h) => h.meetingId);
    expect(ids('出展')).toEqual(['m005', 'm004', 'm003', 'm002', 'm001', 'm000']); // two characters: the pair index
    expect(ids('在')).toEqual(['m002']); // one character: a pair prefix
    expect(ids('在庫')).toEqual(['m002']);
    expect(ids('展示会に出展')).toHaveLength(6); // trigram
    expect(ids('pricing', { series: 's1', to: '2026-01-05' })).toEqual(['m003', 'm001']);
    expect(ids('出展', { department: '営業' })).toEqual(['m003', 'm000']);
    expect(ids('出展', { from: '2026-01-03', to: '2026-01-04' })).toEqual(['m003', 'm002']);
    const hit = search.search(f('出展'), null, null, 1).hits[0]!;
    expect(hit.snippet.filter((s) => s.mark).map((s) => s.text)).toEqual(['出展']);
    expect(hit.link).toBe(`/meetings/m005#decision-${hit.itemId}`);
    expect(ids('出展', {}).length).toBe(6);
    expect(search.search(f('出展'), new Set(['m001', 'm004']), null, 50).hits.map((h) => h.meetingId)).toEqual(['m004', 'm001']);
    expect(ids('%')).toEqual([]);
  });

  it('pages newest first without repeats, and ranks by relevance among the newest matches only', async () => {
    const search = await seeded(SEARCH_CANDIDATES + 20, (doc, m) => {
      // Every meeting mentions 出展 in an action item; every 7th also in a decision's title.
      addActionItem(doc, { title: `準備 ${m}`, owner: { name: '出展担当', department: '営業' } });
      if (m % 7 === 0) addDecision(doc, { text: `出展を決定 ${String(m).padStart(3, "0")}` });
    });
    const seen: string[] = [];
    let after: SearchKey | null = null;
    do {
      const page: ReturnType<typeof search.search> = search.search(f('出展'), null, after, 100);
      seen.push(...page.hits.map((h) => `${h.meetingId}/${h.itemId}`));
      after = page.next;
    } while (after);
    const matches = SEARCH_CANDIDATES + 20 + Math.ceil((SEARCH_CANDIDATES + 20) / 7);
    expect(seen).toHaveLength(matches);
    expect(new Set(seen).size).toBe(matches);
    expect(search.count(f('出展'), null)).toEqual({ count: matches, capped: false });

    const ranked = search.search(f('出展', { sort: 'relevance' }), null, null, 10);
    expect(ranked.rankedAmong).toBe(SEARCH_CANDIDATES);
    expect(ranked.hits.every((h) => h.kind === 'decision')).toBe(true); // title matches first
    expect(ranked.hits[0]!.meetingId).toBe('m518'); // the newest decision, among equals
    // Relevance pages walk the same candidates to their end, once each.
    const rankedSeen: string[] = [];
    let next: SearchKey | null = null;
    do {
      const page: ReturnType<typeof search.search> = search.search(f('出展', { sort: 'relevance' }), null, next, 50);
      rankedSeen.push(...page.hits.map((h) => `${h.meetingId}/${h.itemId}`));
      next = page.next;
    } while (next);
    expect(rankedSeen).toHaveLength(SEARCH_CANDIDATES);
    expect(new Set(rankedSeen).size).toBe(SEARCH_CANDIDATES);
  });

  it('stops counting at the cap', async () => {
    const search = await seeded(Math.ceil((SEARCH_COUNT_CAP + 10) / 3), (doc, m) => {
      for (let i = 0; i < 3; i++) addActionItem(doc, { title: `見積 ${m}-${i}` });
    });
    expect(search.count(f('見積'), null)).toEqual({ count: SEARCH_COUNT_CAP, capped: true });
  });
});
