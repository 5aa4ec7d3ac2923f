import * as z from 'zod/mini';
import { MAX_ID_LENGTH } from '../protocol/limits';
import {
  ACTION_ITEM_STATUSES,
  AGENDA_ITEM_STATUSES,
  KPI_DIRECTIONS,
  MEETING_STATUSES,
} from './records';
import { MAX_LONG, MAX_SHORT } from './validators';

/**
 * What each field of a record may hold once it is in a meeting's document: the server checks every
 * record a client's update changes against these (model/documentShape.ts), so a crafted value (a
 * number where a title belongs, a megabyte of owner name, an unknown status) is refused like any
 * other bad update. They accept exactly what the model's writers write (validators.ts, after
 * trimming and defaults): stored values are checked as they are, never transformed.
 *
 * `required` lists the fields a record must have when it is created; older documents may lack
 * fields added since, so only new records are held to it.
 */

const shortText = z.string().check(z.maxLength(MAX_SHORT));
const longText = z.string().check(z.maxLength(MAX_LONG));
const title = z.string().check(z.minLength(1), z.maxLength(MAX_SHORT));
const id = z.string().check(z.minLength(1), z.maxLength(MAX_ID_LENGTH));
const epochMs = z.number().check(z.gte(0));
const isoDate = z.iso.date();
/** Fractional-index order keys grow by about a character per insertion at the same spot. */
const orderKey = z.string().check(z.minLength(1), z.maxLength(1000));

export interface StoredRecordShape {
  /** Field name → what it may hold. Fields not listed are refused. */
  fields: Record<string, z.ZodMiniType>;
  /** Fields every newly created record must have. */
  required: readonly string[];
}

function shape(fields: Record<string, z.ZodMiniType>, optional: readonly string[] = []): StoredRecordShape {
  return { fields, required: Object.keys(fields).filter((f) => !optional.includes(f)) };
}

const timer = z.nullable(
  z.strictObject({
    agendaItemId: id,
    runningSince: z.nullable(epochMs),
    elapsedBeforeRunMs: z.number().check(z.gte(0)),
    extensionMs: z.number(),
  }),
);

/**
 * The meeting's `meta` map. kpiAtRiskMargin is optional (absent means the default margin); so is
 * seriesNumber (given once by "next meeting", absent outside a series).
 */
export const storedMeta = shape(
  {
    schemaVersion: z.int().check(z.gte(1), z.lte(1000)),
    title,
    seriesId: z.nullable(id),
    departments: z.array(shortText).check(z.maxLength(50)),
    scheduledStart: z.nullable(z.union([isoDate, z.iso.datetime({ offset: true })])),
    place: shortText,
    language: z.enum(['ja', 'en']),
    kpiAtRiskMargin: z.number().check(z.gte(0), z.lte(1)),
    status: z.enum(MEETING_STATUSES),
    currentAgendaItemId: z.nullable(id),
    timer,
    startedAt: z.nullable(epochMs),
    endedAt: z.nullable(epochMs),
    seriesNumber: z.nullable(z.int().check(z.gte(1), z.lte(1_000_000))),
  },
  ['kpiAtRiskMargin', 'seriesNumber'],
);

export const storedAttendee = shape({
  name: title,
  department: shortText,
  present: z.boolean(),
  order: orderKey,
});

/**
 * `notes` (the tiptap fragment) is a shared type, checked by the document walker, not here.
 * `seriesRole` marks the items "next meeting" writes (series/carriedFields.ts).
 */
export const storedAgendaItem = shape(
  {
    title,
    presenter: shortText,
    timeboxMinutes: z.int().check(z.gte(0), z.lte(24 * 60)),
    actualSeconds: z.int().check(z.gte(0)),
    status: z.enum(AGENDA_ITEM_STATUSES),
    order: orderKey,
    seriesRole: z.enum(['followUp', 'brief']),
  },
  ['seriesRole'],
);

export const storedDecision = shape({
  text: z.string().check(z.minLength(1), z.maxLength(MAX_LONG)),
  rationale: longText,
  alternatives: longText,
  decidedBy: shortText,
  agendaItemId: z.nullable(id),
  createdAt: epochMs,
  reviewDate: z.nullable(isoDate),
  supersedesId: z.nullable(id),
  order: orderKey,
});

/** Where a carried action item came from (series/carriedFields.ts). */
const itemRef = z.strictObject({ meetingId: id, actionItemId: id });

export const storedActionItem = shape({
  title,
  owner: z.strictObject({ name: shortText, department: shortText }),
  dueDate: z.nullable(isoDate),
  status: z.enum(ACTION_ITEM_STATUSES),
  link: z.nullable(z.strictObject({ kind: z.enum(['decision', 'agenda', 'kpi']), id })),
  externalRefs: z
    .array(
      z.strictObject({
        tracker: z.enum(['github', 'jira', 'linear']),
        key: z.string().check(z.minLength(1), z.maxLength(200)),
        url: z.url({ protocol: /^https?$/ }),
      }),
    )
    .check(z.maxLength(10)),
  createdAt: epochMs,
  order: orderKey,
  carriedFrom: z.strictObject({
    root: itemRef,
    via: itemRef,
    from: z.optional(
      z.strictObject({ number: z.nullable(z.int().check(z.gte(1))), heldOn: z.nullable(isoDate) }),
    ),
  }),
}, ['carriedFrom']);

const nullableNumber = z.nullable(z.number());

export const storedKpi = shape({
  name: title,
  unit: shortText,
  target: nullableNumber,
  actual: nullableNumber,
  previous: nullableNumber,
  direction: z.enum(KPI_DIRECTIONS),
  owner: shortText,
  comment: longText,
  countermeasureActionId: z.nullable(id),
  order: orderKey,
});

/** Values of the `closing` map (model/closingNotes.ts has the keys). */
export const storedClosingOverride = z.strictObject({
  reason: z.string().check(z.minLength(1), z.maxLength(1000)),
  by: z.string().check(z.maxLength(200)),
  at: epochMs,
});
export const storedNextMeeting = z.strictObject({
  date: z.nullable(z.union([isoDate, z.iso.datetime({ offset: true })])),
  place: z.optional(shortText), // absent in notes written before places were kept
  text: z.string().check(z.maxLength(1000)),
});
