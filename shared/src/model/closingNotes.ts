import type * as Y from 'yjs';
import * as z from 'zod/mini';
import { closingOverrideRecord, nextMeetingRecord } from '../schema/closingRecords';
import { RootKey } from '../schema/keys';
import type { FieldMap } from './fieldReaders';
import { ValidationError } from './modelError';
import { parseInput } from './parse';

/**
 * What the facilitator notes while closing a meeting: the closing-checklist gaps they accepted
 * with a reason (the minutes list them), and what is known of the next meeting (次回予定).
 *
 * Layout of the `closing` root map, one flat key per entry so concurrent edits of different
 * gaps never collide (a nested map created by two clients at once would lose one of them):
 *   override:<gapId>  { reason, by, at }   an accepted gap (gap ids: shared/src/closing/checklist.ts)
 *   nextMeeting       { date, place, text }
 * Values are stored whole; the last writer of a key wins.
 */

/** An accepted gap: which one (e.g. "action-due-date:<actionItemId>"), why, by whom, when. */
export type ClosingOverrideRecord = { gapId: string } & ReturnType<typeof closingOverrideRecord.read>;

export type NextMeetingNote = ReturnType<typeof nextMeetingRecord.read>;

export interface ClosingNotes {
  overrides: ClosingOverrideRecord[];
  nextMeeting: NextMeetingNote | null;
}

export const OVERRIDE_PREFIX = 'override:';
export const NEXT_MEETING_KEY = 'nextMeeting';

export const gapIdSchema = z.string().check(z.minLength(3), z.maxLength(200), z.regex(/^[a-z-]+:[^\s]+$/, 'must look like "kind:id"'));

export const closingOverrideInputSchema = closingOverrideRecord.input;
export type ClosingOverrideInput = z.input<typeof closingOverrideInputSchema>;

export const nextMeetingInputSchema = nextMeetingRecord.input;
export type NextMeetingInput = z.input<typeof nextMeetingInputSchema>;

function closingMap(doc: Y.Doc): FieldMap {
  return doc.getMap<unknown>(RootKey.closing);
}

export function listClosingOverrides(doc: Y.Doc): ClosingOverrideRecord[] {
  const overrides: ClosingOverrideRecord[] = [];
  closingMap(doc).forEach((value, key) => {
    if (!key.startsWith(OVERRIDE_PREFIX) || !closingOverrideRecord.storedValue.safeParse(value).success) return;
    overrides.push({ gapId: key.slice(OVERRIDE_PREFIX.length), ...closingOverrideRecord.read(asSource(value)) });
  });
  return overrides.sort((a, b) => a.at - b.at || (a.gapId < b.gapId ? -1 : 1));
}

/** Accepts a checklist gap with a reason (replacing an earlier reason for the same gap). */
export function setClosingOverride(doc: Y.Doc, gapId: string, input: ClosingOverrideInput, now: number = Date.now()): void {
  const id = parseInput(gapIdSchema, gapId);
  const values = parseInput(closingOverrideInputSchema, input);
  if (!Number.isFinite(now) || now <= 0) throw new ValidationError('now: must be epoch milliseconds', 'now');
  doc.transact(() => closingMap(doc).set(OVERRIDE_PREFIX + id, { reason: values.reason, by: values.by, at: now }));
}

/** Withdraws an override; the gap counts as open again. No-op when there is none. */
export function removeClosingOverride(doc: Y.Doc, gapId: string): void {
  const map = closingMap(doc);
  if (!map.has(OVERRIDE_PREFIX + gapId)) return;
  doc.transact(() => map.delete(OVERRIDE_PREFIX + gapId));
}

export function getNextMeeting(doc: Y.Doc): NextMeetingNote | null {
  const value = closingMap(doc).get(NEXT_MEETING_KEY);
  return nextMeetingRecord.storedValue.safeParse(value).success ? nextMeetingRecord.read(asSource(value)) : null;
}

/** Records the next meeting's date, place and/or a note; all empty clears it. */
export function setNextMeeting(doc: Y.Doc, input: NextMeetingInput): void {
  const values = parseInput(nextMeetingInputSchema, input);
  const map = closingMap(doc);
  doc.transact(() => {
    if (values.date === null && values.text === '' && values.place === '') map.delete(NEXT_MEETING_KEY);
    else map.set(NEXT_MEETING_KEY, { date: values.date, place: values.place, text: values.text });
  });
}

export function getClosingNotes(doc: Y.Doc): ClosingNotes {
  return { overrides: listClosingOverrides(doc), nextMeeting: getNextMeeting(doc) };
}

/** A value stored whole, read like a record's map. */
function asSource(value: unknown) {
  return { get: (key: string) => (value as Record<string, unknown>)[key] };
}
