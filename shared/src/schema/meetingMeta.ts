import * as z from 'zod/mini';
import { dayOrDateTime, epochMs, idSchema, nullableEpochMs, nullableId, oneOf, same, shortText, title, wholeNumber } from './fieldTypes';
import { defineRecord, field } from './recordSchema';

/** The meta map of a meeting document, declared once (recordSchema.ts). */

export const MEETING_STATUSES = ['draft', 'live', 'ended'] as const;

/** The KPI status rule's default margin (kpi/kpiStatus.ts), for meetings that set none. */
export const DEFAULT_AT_RISK_MARGIN = 0.1;

/**
 * Facilitation timer, stored as timestamps so every client computes the same remaining time
 * from its own (server-corrected) clock instead of anyone ticking shared state.
 * All times are epoch milliseconds on the server's clock.
 */
export const timerSchema = z.strictObject({
  /** The agenda item the timer is measuring. */
  agendaItemId: idSchema,
  /** When the current run started; null while paused. */
  runningSince: z.nullable(epochMs.stored),
  /** Time accumulated by earlier runs of this item (before the last pause). */
  elapsedBeforeRunMs: z.number().check(z.gte(0)),
  /** Extra time granted on top of the item's timebox. */
  extensionMs: z.number(),
});

/** Set by the model (creation, facilitation), never by an edit. */
const state = { create: 'none', patch: false } as const;

export const meetingMetaRecord = defineRecord({
  /** The document's layout version (migrations/); 0 reads as "not a meeting yet". */
  schemaVersion: field(wholeNumber(1, 1000), 0, state),
  title: field(title, '', { create: 'required' }),
  seriesId: field(nullableId, null),
  /** Its number in the series (第12回 / #12), given once by "next meeting"; absent outside a series. */
  seriesNumber: field(same(z.nullable(z.int().check(z.gte(1), z.lte(1_000_000)))), null, { create: 'optional', patch: false }),
  departments: field({ stored: z.array(shortText.stored).check(z.maxLength(50)), write: z.array(shortText.write).check(z.maxLength(50)) }, []),
  /**
   * When it is to start: an ISO 8601 date-time, or a bare day "YYYY-MM-DD" while the time is not
   * fixed (read in the workspace's zone); null when not scheduled.
   */
  scheduledStart: field(same(z.nullable(dayOrDateTime)), null),
  /** Room name or call link. */
  place: field(shortText, ''),
  status: field(oneOf(MEETING_STATUSES), 'draft', state),
  currentAgendaItemId: field(nullableId, null, state),
  timer: field(same(z.nullable(timerSchema)), null, state),
  /** Epoch ms (server clock) when the meeting was started / ended. */
  startedAt: field(nullableEpochMs, null, state),
  endedAt: field(nullableEpochMs, null, state),
  /** BCP 47 language of the meeting's minutes ("ja" or "en"). */
  language: field(oneOf(['ja', 'en'] as const), 'ja'),
  /**
   * The KPI status rule's margin for this meeting: how far short of a target, as a fraction of
   * |target|, still counts as at risk (0.1 = within 10 %). Absent means the default (older meetings
   * have none). See kpi/kpiStatus.ts.
   */
  kpiAtRiskMargin: field(same(z.number().check(z.gte(0), z.lte(1))), DEFAULT_AT_RISK_MARGIN, { create: 'optional' }),
});
