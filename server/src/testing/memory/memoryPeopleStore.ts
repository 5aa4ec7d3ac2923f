/** A PeopleStore in memory, for tests and the people store's contract. */
import { randomUUID } from 'node:crypto';
import { EmailTakenError, type PeopleStore } from '../../people/peopleStore';
import { normalEmail, type Person } from '../../people/person';

/** `people`: id → person (pass the same map to a second store: a restart). */
export function openMemoryPeopleStore(people: Map<string, Person> = new Map()): PeopleStore {
  const copy = (p: Person): Person => ({ ...p });
  const taken = (email: string, self: string | null) => {
    for (const p of people.values()) if (p.email === email && p.id !== self) throw new EmailTakenError(email);
  };
  return {
    async list() {
      return [...people.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1)).map(copy);
    },
    async get(id) {
      const p = people.get(id);
      return p ? copy(p) : null;
    },
    async byEmail(email) {
      const wanted = normalEmail(email);
      const p = [...people.values()].find((x) => x.email === wanted);
      return p ? copy(p) : null;
    },
    async byName(name) {
      return [...people.values()].filter((p) => p.name === name).sort((a, b) => (a.id < b.id ? -1 : 1)).map(copy);
    },
    async create(input, at) {
      const email = normalEmail(input.email);
      taken(email, null);
      const person: Person = { ...input, email, id: randomUUID(), linkVersion: 1, createdAt: at, updatedAt: at };
      people.set(person.id, person);
      return copy(person);
    },
    async update(id, patch, at) {
      const p = people.get(id);
      if (!p) return null;
      const next = { ...p, ...patch, updatedAt: at };
      next.email = normalEmail(next.email);
      taken(next.email, id);
      people.set(id, next);
      return copy(next);
    },
    async remove(id) {
      return people.delete(id);
    },
    async rotateLinks(id, at) {
      const p = people.get(id);
      if (!p) return null;
      p.linkVersion++;
      p.updatedAt = at;
      return p.linkVersion;
    },
  };
}
