/** Series in SQLite, in the documents' file (series/seriesStore.ts says what a series store does). */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { DECISION_FUNCTIONS, SIGN_OFF_RULES, type SignOffRule, type AgendaTemplateItem, type BodyMember, type Cadence, type DecisionFunction, type Series, type UsualAttendee } from '@suishin/shared';
import { withBodyDefaults, type SeriesStore } from '../../series/seriesStore';
import { migrateSeries } from './seriesSchema';

interface SeriesRow {
  series_id: string;
  name: string;
  departments: string;
  language: string;
  agenda_template: string;
  usual_attendees: string;
  purpose: string;
  decision_function: string | null;
  decision_rights: string;
  cadence: string;
  members: string;
  parent_id: string | null;
  review_on: string | null;
  sign_off_rule: string;
  created_at: number;
}

const decisionFunction = (v: string | null): DecisionFunction | null => (DECISION_FUNCTIONS as readonly string[]).includes(v ?? '') ? (v as DecisionFunction) : null;

const fromRow = (r: SeriesRow): Series => ({
  id: r.series_id,
  name: r.name,
  departments: JSON.parse(r.departments) as string[],
  language: r.language === 'en' ? 'en' : 'ja',
  agendaTemplate: JSON.parse(r.agenda_template) as AgendaTemplateItem[],
  usualAttendees: JSON.parse(r.usual_attendees) as UsualAttendee[],
  purpose: r.purpose,
  decisionFunction: decisionFunction(r.decision_function),
  decisionRights: r.decision_rights,
  cadence: JSON.parse(r.cadence) as Cadence,
  members: JSON.parse(r.members) as BodyMember[],
  parentId: r.parent_id,
  reviewOn: r.review_on,
  signOffRule: (SIGN_OFF_RULES as readonly string[]).includes(r.sign_off_rule) ? (r.sign_off_rule as SignOffRule) : 'all',
  createdAt: r.created_at,
});

const COLUMNS = 'name, departments, language, agenda_template, usual_attendees, purpose, decision_function, decision_rights, cadence, members, parent_id, review_on, sign_off_rule';

const toColumns = (s: Omit<Series, 'id' | 'createdAt'>) => [
  s.name,
  JSON.stringify(s.departments),
  s.language,
  JSON.stringify(s.agendaTemplate),
  JSON.stringify(s.usualAttendees),
  s.purpose,
  s.decisionFunction,
  s.decisionRights,
  JSON.stringify(s.cadence),
  JSON.stringify(s.members),
  s.parentId,
  s.reviewOn,
  s.signOffRule,
];

export function sqliteSeriesStore(db: Database.Database, now: () => number = Date.now): SeriesStore {
  migrateSeries(db);
  const insert = db.prepare(`INSERT INTO series (series_id, ${COLUMNS}, created_at) VALUES (?, ${COLUMNS.split(',').map(() => '?').join(', ')}, ?)`);
  const select = db.prepare<[string], SeriesRow>('SELECT * FROM series WHERE series_id = ?');
  const all = db.prepare<[], SeriesRow>('SELECT * FROM series ORDER BY created_at, series_id');
  const write = db.prepare(`UPDATE series SET ${COLUMNS.split(', ').map((c) => `${c} = ?`).join(', ')} WHERE series_id = ?`);
  return {
    async create(input) {
      const id = randomUUID();
      insert.run(id, ...toColumns(withBodyDefaults(input)), now());
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
      const { id: _id, createdAt: _created, ...merged } = { ...fromRow(current), ...patch };
      write.run(...toColumns(merged), id);
      return fromRow(select.get(id)!);
    },
  };
}
