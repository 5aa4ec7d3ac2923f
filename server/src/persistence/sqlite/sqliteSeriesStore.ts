/** Series in SQLite, in the documents' file (series/seriesStore.ts says what a series store does). */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { AgendaTemplateItem, Series, UsualAttendee } from '@suishin/shared';
import type { SeriesStore } from '../../series/seriesStore';

interface SeriesRow {
  series_id: string;
  name: string;
  departments: string;
  language: string;
  agenda_template: string;
  usual_attendees: string;
  created_at: number;
}

const fromRow = (r: SeriesRow): Series => ({
  id: r.series_id,
  name: r.name,
  departments: JSON.parse(r.departments) as string[],
  language: r.language === 'en' ? 'en' : 'ja',
  agendaTemplate: JSON.parse(r.agenda_template) as AgendaTemplateItem[],
  usualAttendees: JSON.parse(r.usual_attendees) as UsualAttendee[],
  createdAt: r.created_at,
});

/** Series made before usual attendees existed get the column (source data: migrated, never dropped). */
function addUsualAttendees(db: Database.Database): void {
  const columns = db.prepare<[], { name: string }>('PRAGMA table_info(series)').all();
  if (!columns.some((c) => c.name === 'usual_attendees')) db.exec("ALTER TABLE series ADD COLUMN usual_attendees TEXT NOT NULL DEFAULT '[]'");
}

export function sqliteSeriesStore(db: Database.Database, now: () => number = Date.now): SeriesStore {
  addUsualAttendees(db);
  const insert = db.prepare(
    'INSERT INTO series (series_id, name, departments, language, agenda_template, usual_attendees, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const select = db.prepare<[string], SeriesRow>('SELECT * FROM series WHERE series_id = ?');
  const all = db.prepare<[], SeriesRow>('SELECT * FROM series ORDER BY created_at, series_id');
  const write = db.prepare('UPDATE series SET name = ?, departments = ?, language = ?, agenda_template = ?, usual_attendees = ? WHERE series_id = ?');
  return {
    async create(input) {
      const id = randomUUID();
      insert.run(id, input.name, JSON.stringify(input.departments), input.language, JSON.stringify(input.agendaTemplate), JSON.stringify(input.usualAttendees), now());
      return fromRow(select.get(id)!);
    },
    async get(id) {
      const row = select.get(id);
      return row ? fromRow(row) : null;
    },
    list: async () => all.all().map(fromRow),
    async update(id, patch) {
      const current = select.get(id);
      if (!current) return null;
      const merged = { ...fromRow(current), ...patch };
      write.run(merged.name, JSON.stringify(merged.departments), merged.language, JSON.stringify(merged.agendaTemplate), JSON.stringify(merged.usualAttendees), id);
      return fromRow(select.get(id)!);
    },
  };
}
