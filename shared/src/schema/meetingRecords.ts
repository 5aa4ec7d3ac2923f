import * as z from 'zod/mini';
import {
  boolean,
  epochMs,

  idSchema,
  isoDateSchema,
  longText,
  longTitle,
  nullableId,
  nullableIsoDate,
  nullableNumber,
  oneOf,
  orderKey,
  same,
  shortText,
  title,
  wholeNumber,
} from './fieldTypes';
import { defineRecord, field } from './recordSchema';

/**
 * Every record kind of a meeting document, each declared once (recordSchema.ts says what the
 * declaration gives). Field order is the order readers return them in. How to add a field or
 * rename one: shared/README.md.
 */

export const AGENDA_ITEM_STATUSES = ['pending', 'in_progress', 'done', 'skipped'] as const;
export const ACTION_ITEM_STATUSES = ['open', 'in_progress', 'done', 'dropped'] as const;
export const KPI_DIRECTIONS = ['higher_is_better', 'lower_is_better'] as const;
export const LINK_KINDS = ['decision', 'agenda', 'kpi'] as const;
export const TRACKER_KINDS = ['github', 'jira', 'linear'] as const;
/** What an agenda item written by "next meeting" is (series/carriedFields.ts). */
export const SERIES_AGENDA_ROLES = ['followUp', 'brief'] as const;

/** A record's position: fractional index, written by add and move only. Records sort by (order, id). */
const order = field(orderKey, '', { create: 'none', patch: false });
/** When it was created (epoch ms), stamped by add. */
const createdAt = field(epochMs, 0, { create: 'none', patch: false });

export const attendeeRecord = defineRecord({
  name: field(title, '', { create: 'required' }),
  department: field(shortText, ''),
  present: field(boolean, true),
  order,
});

export const agendaItemRecord = defineRecord(
  {
    title: field(title, '', { create: 'required' }),
    presenter: field(shortText, ''),
    timeboxMinutes: field(wholeNumber(0, 24 * 60), 0, { initial: 10 }),
    /** Time actually spent, recorded by the facilitation timer (seconds); 0 when created. */
    actualSeconds: field(wholeNumber(0), 0, { create: 'none' }),
    status: field(oneOf(AGENDA_ITEM_STATUSES), 'pending'),
    order,
  },
  {
    // `notes` (the tiptap fragment) is a shared type, checked by the document walker.
    // `seriesRole` marks the items "next meeting" writes (series/carriedFields.ts); optional.
    seriesRole: z.enum(SERIES_AGENDA_ROLES),
  },
);

export const decisionRecord = defineRecord({
  text: field(longTitle, '', { create: 'required' }),
  rationale: field(longText, ''),
  alternatives: field(longText, ''),
  decidedBy: field(shortText, ''),
  agendaItemId: field(nullableId, null),
  createdAt,
  /** ISO date (YYYY-MM-DD) to revisit the decision, or null. */
  reviewDate: field(nullableIsoDate, null),
  /** The earlier decision this one replaces, or null. */
  supersedesId: field(nullableId, null),
  order,
});

/** A person named without an account: name and department (action item owners, 課題 owners). */
export const person = {
  stored: z.strictObject({ name: shortText.stored, department: shortText.stored }),
  write: z.strictObject({ name: shortText.write, department: z._default(shortText.write, '') }),
};
const itemLink = same(z.strictObject({ kind: z.enum(LINK_KINDS), id: idSchema }));
const externalRef = z.strictObject({
  tracker: z.enum(TRACKER_KINDS),
  /** Issue key or number in the tracker, e.g. "OPS-12" or "42". */
  key: z.string().check(z.minLength(1), z.maxLength(200)),
  url: z.url({ protocol: /^https?$/ }),
});

/** Where a carried action item came from (series/carriedFields.ts). */
const itemRef = z.strictObject({ meetingId: idSchema, actionItemId: idSchema });
export const carriedFromSchema = z.strictObject({
  root: itemRef,
  via: itemRef,
  viaMeeting: z.optional(
    z.strictObject({ number: z.nullable(z.int().check(z.gte(1))), heldOn: z.nullable(isoDateSchema) }),
  ),
});

export const actionItemRecord = defineRecord(
  {
    title: field(title, '', { create: 'required' }),
    owner: field(person, { name: '', department: '' }),
    /** ISO date (YYYY-MM-DD), or null when undated. */
    dueDate: field(nullableIsoDate, null),
    status: field(oneOf(ACTION_ITEM_STATUSES), 'open'),
    link: field(same(z.nullable(itemLink.stored)), null),
    /** Issues pushed to trackers; none when created. */
    externalRefs: field(same(z.array(externalRef).check(z.maxLength(10))), [], { create: 'none' }),
    createdAt,
    order,
  },
  { carriedFrom: carriedFromSchema }, // written by "next meeting" (series/carriedFields.ts); optional
);

export const kpiRecord = defineRecord({
  name: field(title, '', { create: 'required' }),
  unit: field(shortText, ''),
  target: field(nullableNumber, null),
  actual: field(nullableNumber, null),
  previous: field(nullableNumber, null),
  direction: field(oneOf(KPI_DIRECTIONS), 'higher_is_better'),
  owner: field(shortText, ''),
  comment: field(longText, ''),
  countermeasureActionId: field(nullableId, null),
  order,
});

export const personSchema = person.write;
export const itemLinkSchema = itemLink.write;
export const externalRefSchema = externalRef;
