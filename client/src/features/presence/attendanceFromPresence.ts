import type { Attendee } from '@suishin/shared';
import type { JoinedPerson } from '../../meeting/joinedPeople';

export interface AttendancePlan {
  /** Listed attendees whose presence changes (and a department filled in where the list had none). */
  update: Array<{ id: string; present: boolean; department?: string }>;
  /** People who joined but were not on the list. */
  add: JoinedPerson[];
  present: number;
  absent: number;
}

/** Names compared as people type them: Unicode NFKC, spaces folded, case ignored ("山田　太郎" = "山田 太郎"). */
export const personKey = (name: string) => name.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * Attendance from presence: everyone who joined is present (listed with their department when
 * they were not on the list yet), and every listed attendee who never joined is absent. Only
 * changes are planned, so taking attendance twice changes nothing the second time.
 */
export function attendanceFromPresence(attendees: readonly Attendee[], joined: readonly JoinedPerson[]): AttendancePlan {
  const people = new Map<string, JoinedPerson>();
  for (const person of joined) {
    const key = personKey(person.name);
    const known = people.get(key);
    if (!known || (!known.department && person.department)) people.set(key, person);
  }
  const listed = new Set<string>();
  const update: AttendancePlan['update'] = [];
  let present = 0;
  for (const attendee of attendees) {
    const key = personKey(attendee.name);
    listed.add(key);
    const person = people.get(key);
    const isHere = person !== undefined;
    if (isHere) present++;
    const department = isHere && !attendee.department && person.department ? person.department : undefined;
    if (attendee.present !== isHere || department !== undefined) update.push({ id: attendee.id, present: isHere, ...(department !== undefined ? { department } : {}) });
  }
  const add = [...people.entries()].filter(([key]) => !listed.has(key)).map(([, person]) => person);
  present += add.length;
  return { update, add, present, absent: attendees.length - (present - add.length) };
}
