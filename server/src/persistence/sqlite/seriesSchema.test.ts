import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../../testing/testServer';
import { SERIES_SCHEMA_VERSION, migrateSeries } from './seriesSchema';
import { sqliteSeriesStore } from './sqliteSeriesStore';

describe('series schema migrations', () => {
  it('upgrades a file from before bodies (series with and without usual attendees), keeping every row', async () => {
    const db = new Database(join(makeTempDir(), 'suishin.sqlite'));
    // The layout the follow-through database used to create, with the column once added on open.
    db.exec(`CREATE TABLE series (series_id TEXT PRIMARY KEY, name TEXT NOT NULL, departments TEXT NOT NULL, language TEXT NOT NULL, agenda_template TEXT NOT NULL, created_at INTEGER NOT NULL) STRICT;
             ALTER TABLE series ADD COLUMN usual_attendees TEXT NOT NULL DEFAULT '[]';
             INSERT INTO series VALUES ('s1', '定例', '["営業"]', 'ja', '[]', 1, '[{"name":"佐藤","department":"営業"}]');`);
    const store = sqliteSeriesStore(db);
    expect(await store.get('s1')).toMatchObject({
      name: '定例', usualAttendees: [{ name: '佐藤', department: '営業' }], purpose: '', decisionFunction: null,
      cadence: { every: 'asNeeded', weekday: null, time: null }, members: [], parentId: null, reviewOn: null,
    });
    expect(db.prepare('SELECT version FROM series_schema').get()).toEqual({ version: SERIES_SCHEMA_VERSION });
    migrateSeries(db); // a second open runs nothing
    expect(await store.list()).toHaveLength(1);
    db.close();
  });

  it('creates everything in an empty file, and refuses a file from a newer server', () => {
    const db = new Database(join(makeTempDir(), 'suishin.sqlite'));
    migrateSeries(db);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name IN ('series', 'meeting_ratings') ORDER BY name").all()).toEqual([{ name: 'meeting_ratings' }, { name: 'series' }]);
    db.prepare('UPDATE series_schema SET version = ?').run(SERIES_SCHEMA_VERSION + 1);
    expect(() => migrateSeries(db)).toThrow(/newer than this server/);
    db.close();
  });
});
