/** The people register in SQLite (people/peopleStore.ts says what it does). */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { EmailTakenError, type PeopleStore } from '../../people/peopleStore';
import { normalEmail, type Person } from '../../people/person';
import { migratePeople } from './peopleSchema';

interface Row {
  person_id: string;
  name: string;
  department: string;
  email: string;
  chat_id: string;
  language: 'ja' | 'en';
  link_version: number;
  created_at: number;
  updated_at: number;
}

const toPerson = (r: Row): Person => ({
  id: r.person_id,
  name: r.name,
  department: r.department,
  email: r.email,
  chatId: r.chat_id,
  language: r.language,
  linkVersion: r.link_version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export function sqlitePeopleStore(db: Database.Database): PeopleStore {
  migratePeople(db);
  const all = db.prepare<[], Row>('SELECT * FROM people ORDER BY name, person_id');
  const one = db.prepare<[string], Row>('SELECT * FROM people WHERE person_id = ?');
  const byEmail = db.prepare<[string], Row>('SELECT * FROM people WHERE email = ?');
  const byName = db.prepare<[string], Row>('SELECT * FROM people WHERE name = ? ORDER BY person_id');
  const insert = db.prepare('INSERT INTO people (person_id, name, department, email, chat_id, language, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const write = db.prepare('UPDATE people SET name = ?, department = ?, email = ?, chat_id = ?, language = ?, updated_at = ? WHERE person_id = ?');
  const remove = db.prepare('DELETE FROM people WHERE person_id = ?');
  const rotate = db.prepare<[number, string], { link_version: number }>('UPDATE people SET link_version = link_version + 1, updated_at = ? WHERE person_id = ? RETURNING link_version');

  const taken = (email: string, self: string | null) => {
    const found = byEmail.get(email);
    if (found && found.person_id !== self) throw new EmailTakenError(email);
  };
  return {
    async list() {
      return all.all().map(toPerson);
    },
    async get(id) {
      const r = one.get(id);
      return r ? toPerson(r) : null;
    },
    async byEmail(email) {
      const r = byEmail.get(normalEmail(email));
      return r ? toPerson(r) : null;
    },
    async byName(name) {
      return byName.all(name).map(toPerson);
    },
    async create(input, at) {
      const email = normalEmail(input.email);
      const id = randomUUID();
      db.transaction(() => {
        taken(email, null);
        insert.run(id, input.name, input.department, email, input.chatId, input.language, at, at);
      })();
      return toPerson(one.get(id)!);
    },
    async update(id, patch, at) {
      return db.transaction(() => {
        const r = one.get(id);
        if (!r) return null;
        const next = { ...toPerson(r), ...patch };
        next.email = normalEmail(next.email);
        taken(next.email, id);
        write.run(next.name, next.department, next.email, next.chatId, next.language, at, id);
        return toPerson(one.get(id)!);
      })();
    },
    async remove(id) {
      return remove.run(id).changes > 0;
    },
    async rotateLinks(id, at) {
      return rotate.get(at, id)?.link_version ?? null;
    },
  };
}
