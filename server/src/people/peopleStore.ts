/**
 * The storage seam of the people register. SQLite: persistence/sqlite/sqlitePeopleStore.ts;
 * memory: testing/memory/memoryPeopleStore.ts; contract: testing/contracts/peopleStoreContract.ts.
 */
import type { Person, PersonInput, PersonPatch } from './person';

/** Thrown when an email is already someone else's (the REST layer answers 409). */
export class EmailTakenError extends Error {
  constructor(readonly email: string) {
    super(`${email} is already in the address book`);
  }
}

export interface PeopleStore {
  /** Everyone, by name. */
  list(): Promise<Person[]>;
  get(id: string): Promise<Person | null>;
  byEmail(email: string): Promise<Person | null>;
  /** The people whose name is exactly `name` (owners are named on action items by name). */
  byName(name: string): Promise<Person[]>;
  /** Throws EmailTakenError for a taken email (nothing written). */
  create(input: PersonInput, at: number): Promise<Person>;
  /** null for an unknown id; throws EmailTakenError for a taken email (nothing written). */
  update(id: string, patch: PersonPatch, at: number): Promise<Person | null>;
  remove(id: string): Promise<boolean>;
  /** Revokes the person's personal links: the new version, or null for an unknown id. */
  rotateLinks(id: string, at: number): Promise<number | null>;
}
