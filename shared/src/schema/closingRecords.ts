import * as z from 'zod/mini';
import { dayOrDateTime, epochMs, same } from './fieldTypes';
import { defineRecord, field } from './recordSchema';

/**
 * The values of the `closing` map (model/closingNotes.ts has its keys and layout), declared once:
 * each is stored whole, checked with `storedValue`, read with `read`.
 */

const reason = {
  stored: z.string().check(z.minLength(1), z.maxLength(1000)),
  write: z.string().check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(1000)),
};
const byName = { stored: z.string().check(z.maxLength(200)), write: z.string().check(z.trim(), z.maxLength(200)) };

/** An accepted checklist gap. */
export const closingOverrideRecord = defineRecord({
  reason: field(reason, '', { create: 'required' }),
  /** Who accepted it (a display name), or "". */
  by: field(byName, ''),
  /** Epoch ms, stamped when set. */
  at: field(epochMs, 0, { create: 'none', patch: false }),
});

/** What is known of the next meeting (次回予定). */
export const nextMeetingRecord = defineRecord({
  /** "YYYY-MM-DD" or an ISO 8601 date-time (its time fixed too), or null when not fixed yet. */
  date: field(same(z.nullable(dayOrDateTime)), null),
  /** Where: a room or a call link ("" when the same as this time, or not known); absent in notes written before places were kept. */
  place: field({ stored: z.string().check(z.maxLength(500)), write: z.string().check(z.trim(), z.maxLength(500)) }, '', {
    mayBeAbsent: true,
  }),
  text: field({ stored: z.string().check(z.maxLength(1000)), write: z.string().check(z.trim(), z.maxLength(1000)) }, ''),
});
