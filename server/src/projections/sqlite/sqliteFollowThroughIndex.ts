/**
 * The follow-through index in SQLite (followThrough/followThroughIndex.ts says what it holds):
 * the derived rows (search index, carry links, series membership, action item chains) of one
 * meeting, from its projection record and the carry origins of its document.
 */
import type Database from 'better-sqlite3';
import type { CarryOrigin } from '@suishin/shared';
import type { FollowThroughIndex, ItemRef } from '../../followThrough/followThroughIndex';
import type { MeetingRecord } from '../meetingRecord';
import { characterPairs, rowIdBase, ROWS_PER_SECOND } from '../../search/searchText';
import { createActionChainWriter, type ChainRoot } from './actionChainWriter';
import { recreateDerivedTables } from './followThroughDb';

export type SearchKind = 'agenda' | 'decision' | 'actionItem';

export class SqliteFollowThroughIndex implements FollowThroughIndex {
  private stmts;
  private chains;

  constructor(
    readonly db: Database.Database,
    readonly needsRebuild = false,
  ) {
    this.stmts = this.prepare();
    this.chains = createActionChainWriter(db);
  }

  private prepare() {
    const db = this.db;
    return {
      ownedRows: db.prepare<[string], { search_rowid: number }>('SELECT search_rowid FROM follow_search_owner WHERE meeting_id = ?'),
      deleteSearch: db.prepare<[number]>('DELETE FROM follow_search WHERE rowid = ?'),
      deletePairs: db.prepare<[number]>('DELETE FROM follow_search_bigram WHERE rowid = ?'),
      lastRowInSlot: db.prepare<[number, number], { last: number | null }>(
        'SELECT max(search_rowid) AS last FROM follow_search_owner WHERE search_rowid >= ? AND search_rowid < ?',
      ),
      deleteOwner: db.prepare<[string]>('DELETE FROM follow_search_owner WHERE meeting_id = ?'),
      insertSearch: db.prepare<[number, string, string, string, string, string]>(
        'INSERT INTO follow_search (rowid, title, body, kind, meeting_id, item_id) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      insertPairs: db.prepare<[number, string]>('INSERT INTO follow_search_bigram (rowid, pairs) VALUES (?, ?)'),
      insertOwner: db.prepare<[string, number | bigint]>('INSERT INTO follow_search_owner (meeting_id, search_rowid) VALUES (?, ?)'),
      deleteLinks: db.prepare<[string]>('DELETE FROM follow_carry_links WHERE meeting_id = ?'),
      insertLink: db.prepare(
        `INSERT OR REPLACE INTO follow_carry_links (meeting_id, action_item_id, root_meeting_id, root_action_item_id, via_meeting_id, via_action_item_id)
         VALUES (?, ?, ?, ?, ?, ?)`,
      ),
      linkSeries: db.prepare(
        `INSERT INTO follow_series_meetings (meeting_id, series_id, created_at) VALUES (?, ?, ?)
         ON CONFLICT (meeting_id) DO UPDATE SET series_id = excluded.series_id`,
      ),
      unlinkSeries: db.prepare<[string]>('DELETE FROM follow_series_meetings WHERE meeting_id = ?'),
      copies: db.prepare<[string, string], { meeting_id: string; action_item_id: string }>(
        'SELECT meeting_id, action_item_id FROM follow_carry_links WHERE root_meeting_id = ? AND root_action_item_id = ? ORDER BY meeting_id, action_item_id',
      ),
      seriesMeetings: db.prepare<[string, string], { meeting_id: string }>(
        `SELECT meeting_id FROM follow_series_meetings WHERE series_id = ?
         UNION SELECT meeting_id FROM proj_meetings WHERE series_id = ?`,
      ),
    };
  }

  async linkSeriesMeeting(meetingId: string, seriesId: string | null, createdAt: number) {
    this.linkSeries(meetingId, seriesId, createdAt);
  }

  private linkSeries(meetingId: string, seriesId: string | null, createdAt: number) {
    if (seriesId) this.stmts.linkSeries.run(meetingId, seriesId, createdAt);
    else this.stmts.unlinkSeries.run(meetingId);
  }

  async carriedCopies(root: ItemRef): Promise<ItemRef[]> {
    return this.stmts.copies.all(root.meetingId, root.actionItemId).map((r) => ({ meetingId: r.meeting_id, actionItemId: r.action_item_id }));
  }

  async seriesMeetingIds(seriesId: string): Promise<string[]> {
    return this.stmts.seriesMeetings.all(seriesId, seriesId).map((r) => r.meeting_id);
  }

  async setCarryLinks(meetingId: string, carried: ReadonlyMap<string, CarryOrigin>) {
    this.writeCarryLinks(meetingId, carried);
  }

  private writeCarryLinks(meetingId: string, carried: ReadonlyMap<string, CarryOrigin>) {
    this.db.transaction(() => {
      this.stmts.deleteLinks.run(meetingId);
      for (const [id, o] of carried) {
        this.stmts.insertLink.run(meetingId, id, o.root.meetingId, o.root.actionItemId, o.via.meetingId, o.via.actionItemId);
      }
    })();
  }

  async indexMeeting(record: MeetingRecord, carried: ReadonlyMap<string, CarryOrigin>) {
    const id = record.meeting.meetingId;
    const s = this.stmts;
    this.db.transaction(() => {
      const before = this.chains.rootsOfMeeting(id, []);
      this.removeSearchRows(id);
      // Rowids in the meeting's time slot, after any other meeting's rows of the same second.
      const base = rowIdBase(record.meeting.sortAt);
      let next = (s.lastRowInSlot.get(base, base + ROWS_PER_SECOND)?.last ?? base - 1) + 1;
      const add = (title: string, body: string, kind: SearchKind, itemId: string) => {
        const rowid = next++;
        s.insertSearch.run(rowid, title, body, kind, id, itemId);
        s.insertPairs.run(rowid, characterPairs(`${title}\n${body}`));
        s.insertOwner.run(id, rowid);
      };
      for (const a of record.agendaItems) add(a.title, a.notes, 'agenda', a.agendaItemId);
      for (const d of record.decisions) add(d.text, [d.rationale, d.alternatives, d.decidedBy].filter(Boolean).join('\n'), 'decision', d.decisionId);
      for (const a of record.actionItems) add(a.title, [a.ownerName, a.ownerDepartment].filter(Boolean).join(' '), 'actionItem', a.actionItemId);
      this.linkSeries(id, record.meeting.seriesId, record.meeting.heldAt ?? record.meeting.startedAt ?? 0);
      this.writeCarryLinks(id, carried);
      const after = this.chains.rootsOfMeeting(id, record.actionItems.map((a) => a.actionItemId));
      this.chains.recompute(uniqueRoots([...before, ...after]));
    }).immediate(); // it reads before it writes: see sqliteProjectionStore's replaceMeeting
  }

  private removeSearchRows(meetingId: string) {
    for (const { search_rowid } of this.stmts.ownedRows.all(meetingId)) {
      this.stmts.deleteSearch.run(search_rowid);
      this.stmts.deletePairs.run(search_rowid);
    }
    this.stmts.deleteOwner.run(meetingId);
  }

  async removeMeeting(meetingId: string) {
    this.db.transaction(() => {
      const before = this.chains.rootsOfMeeting(meetingId, []);
      this.removeSearchRows(meetingId);
      this.stmts.deleteLinks.run(meetingId);
      this.stmts.unlinkSeries.run(meetingId);
      this.chains.recompute(before);
    }).immediate();
  }

  /** Empties every derived table (drop + create). */
  async clear() {
    recreateDerivedTables(this.db);
    this.stmts = this.prepare();
    this.chains = createActionChainWriter(this.db);
  }
}

function uniqueRoots(roots: ChainRoot[]): ChainRoot[] {
  return [...new Map(roots.map((r) => [`${r.meetingId}\u0000${r.actionItemId}`, r])).values()];
}
