/** 議事録確認 in SQLite (minutes/signOffStore.ts says what a sign-off store does). */
import type Database from 'better-sqlite3';
import type { MinutesVersion, ReviewKind, ReviewResponse } from '@suishin/shared';
import type { ReviewLink, SignOffStore } from '../../minutes/signOffStore';
import { migrateSignOff } from './signOffSchema';

interface LinkRow {
  link_id: string;
  meeting_id: string;
  attendee: string;
  expires_at: number;
  revoked: number;
}

const linkFromRow = (r: LinkRow): ReviewLink => ({ linkId: r.link_id, meetingId: r.meeting_id, attendee: r.attendee, expiresAt: r.expires_at, revoked: r.revoked === 1 });

export function sqliteSignOffStore(db: Database.Database): SignOffStore {
  migrateSignOff(db);
  const newest = db.prepare<[string], { v: number | null }>('SELECT max(version) AS v FROM minutes_versions WHERE meeting_id = ?');
  const hasVersion = db.prepare<[string, number], { one: number }>('SELECT 1 AS one FROM minutes_versions WHERE meeting_id = ? AND version = ?');
  const insertVersion = db.prepare('INSERT INTO minutes_versions (meeting_id, version, text, author, note, at) VALUES (?, ?, ?, ?, ?, ?)');
  const versions = db.prepare<[string], MinutesVersion>('SELECT version, text, author, note, at FROM minutes_versions WHERE meeting_id = ? ORDER BY version');
  const insertResponse = db.prepare('INSERT INTO minutes_responses (meeting_id, attendee, version, kind, comment, at) VALUES (?, ?, ?, ?, ?, ?)');
  const responses = db.prepare<[string], ReviewResponse & { kind: string }>('SELECT attendee, version, kind, comment, at FROM minutes_responses WHERE meeting_id = ? ORDER BY at, seq');
  const insertLink = db.prepare("INSERT INTO minutes_review_links (link_id, meeting_id, attendee, expires_at, seq) VALUES (?, ?, ?, ?, (SELECT coalesce(max(seq), 0) + 1 FROM minutes_review_links))");
  const link = db.prepare<[string], LinkRow>('SELECT * FROM minutes_review_links WHERE link_id = ?');
  const links = db.prepare<[string], LinkRow>('SELECT * FROM minutes_review_links WHERE meeting_id = ? ORDER BY seq DESC');
  const revoke = db.prepare('UPDATE minutes_review_links SET revoked = 1 WHERE meeting_id = ? AND link_id = ?');

  // Read and insert in one transaction: two corrections on the same version cannot both win.
  const addVersion = db.transaction((meetingId: string, basedOn: number | null, v: Omit<MinutesVersion, 'version'>) => {
    const current = newest.get(meetingId)?.v ?? null;
    if (basedOn !== current) {
      const known = basedOn !== null && hasVersion.get(meetingId, basedOn) !== undefined;
      return { ok: false as const, reason: basedOn !== null && !known ? ('unknown-version' as const) : ('not-newest-version' as const) };
    }
    const next = (current ?? 0) + 1;
    insertVersion.run(meetingId, next, v.text, v.author, v.note, v.at);
    return { ok: true as const, version: next };
  });

  return {
    async addVersion(meetingId, basedOn, version) {
      return addVersion(meetingId, basedOn, version);
    },
    async versions(meetingId) {
      return versions.all(meetingId);
    },
    async respond(meetingId, r) {
      if (!hasVersion.get(meetingId, r.version)) return { ok: false, reason: 'unknown-version' };
      insertResponse.run(meetingId, r.attendee, r.version, r.kind, r.comment, r.at);
      return { ok: true };
    },
    async responses(meetingId) {
      return responses.all(meetingId).map((r) => ({ ...r, kind: r.kind as ReviewKind }));
    },
    async addLink(l) {
      insertLink.run(l.linkId, l.meetingId, l.attendee, l.expiresAt);
    },
    async link(linkId) {
      const row = link.get(linkId);
      return row ? linkFromRow(row) : null;
    },
    async links(meetingId) {
      return links.all(meetingId).map(linkFromRow);
    },
    async revokeLink(meetingId, linkId) {
      return revoke.run(meetingId, linkId).changes > 0;
    },
  };
}
