/** The filtered search plans (materialized hits, then filters) give the same hits and marks. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addActionItem, addDecision, getClosingNotes, initMeeting, startMeeting, toMeetingView } from '@suishin/shared';
import { openFollowThroughDb } from '../followThrough/followThroughDb';
import { FollowThroughIndex } from '../followThrough/followThroughIndex';
import { toMeetingRecord } from '../projections/meetingRecord';
import { openSqliteProjection } from '../projections/sqlite/sqliteProjectionStore';
import { searchMeetings } from './searchMeetings';

const dir = mkdtempSync(join(tmpdir(), 'suishin-search-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function seeded() {
  const projection = openSqliteProjection({ dataDir: dir });
  const { db } = openFollowThroughDb(dir);
  const index = new FollowThroughIndex(db);
  for (let m = 0; m < 6; m++) {
    const doc = new Y.Doc();
    initMeeting(doc, { title: `定例 #${m}`, seriesId: `s${m % 2}`, departments: ['営業'] });
    addDecision(doc, { text: `来月から在庫の価格表を見直すことに決定した (${m})`, decidedBy: '部長' });
    addActionItem(doc, { title: `Update the Pricing page ${m}` });
    startMeeting(doc, Date.parse('2026-01-01T00:00:00Z') + m * 7 * 86_400_000);
    const record = toMeetingRecord(toMeetingView(doc, `m${m}`), getClosingNotes(doc));
    await projection.replaceMeeting(record);
    index.indexMeeting(record, new Map());
    doc.destroy();
  }
  return { db, close: async () => { db.close(); await projection.close(); } };
}

describe('filtered search', () => {
  it('applies series and date filters to trigram and short (LIKE) queries, newest first, with marks', async () => {
    const { db, close } = await seeded();
    try {
      const trigram = searchMeetings(db, { q: '価格表', series: 's1', from: '2026-01-08' });
      expect(trigram.map((h) => h.meetingId).sort()).toEqual(['m1', 'm3', 'm5']);
      expect(trigram[0]!.snippet.filter((s) => s.mark).map((s) => s.text)).toEqual(['価格表']);
      expect(trigram[0]!.link).toMatch(/^\/meetings\/m\d#decision-/);
      const english = searchMeetings(db, { q: 'pricing', series: 's0', to: '2026-01-20' });
      expect(english.map((h) => h.meetingId)).toEqual(['m2', 'm0']);
      expect(english[0]!.snippet.find((s) => s.mark)?.text).toBe('Pricing');
      const short = searchMeetings(db, { q: '在庫', series: 's0' });
      expect(short.map((h) => h.meetingId)).toEqual(['m4', 'm2', 'm0']);
      expect(short[0]!.snippet.filter((s) => s.mark).map((s) => s.text)).toEqual(['在庫']);
    } finally {
      await close();
    }
  });
});
