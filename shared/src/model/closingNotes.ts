import type * as Y from 'yjs';
import * as z from 'zod/mini';
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

export interface ClosingOverrideRecord {
  /** The checklist gap this accepts, e.g. "action-due-date:<actionItemId>". */
  gapId: string;
  reason: string;
  /** Who accepted it (a display name), or "". */
  by: string;
  /** Epoch ms. */
  at: number;
}

export interface NextMeetingNote {
  /** "YYYY-MM-DD" or an ISO 8601 date-time (its time fixed too), or null when not fixed yet. */
  date: string | null;
  /** Where: a room or a call link ("" when the same as this time, or not known). */
  place: string;
  text: string;
}

export interface ClosingNotes {
  overrides: ClosingOverrideRecord[];
  nextMeeting: NextMeetingNote | null;
}

export const OVERRIDE_PREFIX = 'override:';
export const NEXT_MEETING_KEY = 'nextMeeting';

export const gapIdSchema = z.string().check(z.minLength(3), z.maxLength(200), z.regex(/^[a-z-]+:[^\s]+$/, 'must look like "kind:id"'));

export const closingOverrideInputSchema = z.strictObject({
  reason: z.string().check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(1000)),
  by: z._default(z.string().check(z.trim(), z.maxLength(200)), ''),
});
export type ClosingOverrideInput = z.input<typeof closingOverrideInputSchema>;

export const nextMeetingInputSchema = z.strictObject({
  date: z._default(z.nullable(z.union([z.iso.date(), z.iso.datetime({ offset: true })])), null),
  place: z._default(z.string().check(z.trim(), z.maxLength(500)), ''),
  text: z._default(z.string().check(z.trim(), z.maxLength(1000)), ''),
});
export type NextMeetingInput = z.input<typeof nextMeetingInputSchema>;

function closingMap(doc: Y.Doc): FieldMap {
  return doc.getMap<unknown>(RootKey.closing);
}

export function listClosingOverrides(doc: Y.Doc): ClosingOverrideRecord[] {
  const overrides: ClosingOverrideRecord[] = [];
  closingMap(doc).forEach((value, key) => {
    if (!key.startsWith(OVERRIDE_PREFIX) || !isStoredOverride(value)) return;
    overrides.push({ gapId: key.slice(OVERRIDE_PREFIX.length), reason: value.reason, by: value.by, at: value.at });
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
  return isStoredNextMeeting(value) ? { date: value.date, place: typeof value.place === 'string' ? value.place : '', text: value.text } : null;
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

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function isStoredOverride(v: unknown): v is { reason: string; by: string; at: number } {
  return isObject(v) && typeof v.reason === 'string' && typeof v.by === 'string' && typeof v.at === 'number';
}
function isStoredNextMeeting(v: unknown): v is Omit<NextMeetingNote, 'place'> & { place?: unknown } {
  return isObject(v) && (v.date === null || typeof v.date === 'string') && typeof v.text === 'string';
}
