import * as z from 'zod/mini';
import { en } from 'zod/locales';
import {
  ACTION_ITEM_STATUSES,
  AGENDA_ITEM_STATUSES,
  KPI_DIRECTIONS,
} from './records';
import { MAX_ID_LENGTH } from '../protocol/limits';

/**
 * Input validators for every write the model accepts. Each write is checked here before the
 * document is touched, so a rejected call changes nothing.
 *
 * zod/mini, zod's tree-shakable API (same package, same checks and messages): the model is on
 * every page that opens a meeting, and the classic API cost the room about 15 KB gzip of code
 * to download and run before it could show. Messages are zod's English ones (`en`), as before.
 */
z.config(en());

/** Longest one-line text (a title, a name, a place). */
export const MAX_SHORT = 500;
/** Longest multi-line text (a decision, its rationale, a comment). */
export const MAX_LONG = 10_000;

const shortText = z.string().check(z.trim(), z.maxLength(MAX_SHORT));
const longText = z.string().check(z.maxLength(MAX_LONG));
const requiredTitle = z.string().check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(MAX_SHORT));
const isoDate = z.iso.date();
const optionalIsoDate = z.nullable(isoDate);
const id = z.string().check(z.minLength(1), z.maxLength(MAX_ID_LENGTH));
const finiteNumber = z.number(); // zod 4 numbers are finite
const isoDateTime = z.iso.datetime({ offset: true });
const language = z.enum(['ja', 'en']);
const atRiskMargin = z.number().check(z.gte(0), z.lte(1));

/** What a meeting's meta may set besides its title, at creation and in a patch alike. */
const meetingMetaFields = {
  seriesId: z.optional(z.nullable(id)),
  departments: z.optional(z.array(shortText).check(z.maxLength(50))),
  scheduledStart: z.optional(z.nullable(z.union([isoDate, isoDateTime]))),
  place: z.optional(shortText),
  language: z.optional(language),
  kpiAtRiskMargin: z.optional(atRiskMargin),
};

export const meetingInitSchema = z.strictObject({
  title: requiredTitle,
  ...meetingMetaFields,
  /** Given once, by "next meeting" (server/src/series); never patched. */
  seriesNumber: z.optional(z.nullable(z.int().check(z.gte(1), z.lte(1_000_000)))),
});
export type MeetingInit = z.input<typeof meetingInitSchema>;

export const meetingMetaPatchSchema = z.strictObject({ title: z.optional(requiredTitle), ...meetingMetaFields });
export type MeetingMetaPatch = z.input<typeof meetingMetaPatchSchema>;

export const attendeeInputSchema = z.strictObject({
  name: requiredTitle,
  department: z._default(shortText, ''),
  present: z._default(z.boolean(), true),
});
export type AttendeeInput = z.input<typeof attendeeInputSchema>;
// Not a partial of attendeeInputSchema: that keeps the input's defaults, so a patch of
// `{ present: false }` would also reset the department to ''.
export const attendeePatchSchema = z.strictObject({
  name: z.optional(requiredTitle),
  department: z.optional(shortText),
  present: z.optional(z.boolean()),
});
export type AttendeePatch = z.input<typeof attendeePatchSchema>;

const timeboxMinutes = z.int().check(z.gte(0), z.lte(24 * 60));

export const agendaItemInputSchema = z.strictObject({
  title: requiredTitle,
  presenter: z._default(shortText, ''),
  timeboxMinutes: z._default(timeboxMinutes, 10),
  status: z._default(z.enum(AGENDA_ITEM_STATUSES), 'pending'),
});
export type AgendaItemInput = z.input<typeof agendaItemInputSchema>;
export const agendaItemPatchSchema = z.strictObject({
  title: z.optional(requiredTitle),
  presenter: z.optional(shortText),
  timeboxMinutes: z.optional(timeboxMinutes),
  status: z.optional(z.enum(AGENDA_ITEM_STATUSES)),
  actualSeconds: z.optional(z.int().check(z.gte(0))),
});
export type AgendaItemPatch = z.input<typeof agendaItemPatchSchema>;

const decisionText = z.string().check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(MAX_LONG));

export const decisionInputSchema = z.strictObject({
  text: decisionText,
  rationale: z._default(longText, ''),
  alternatives: z._default(longText, ''),
  decidedBy: z._default(shortText, ''),
  agendaItemId: z._default(z.nullable(id), null),
  reviewDate: z._default(optionalIsoDate, null),
  supersedesId: z._default(z.nullable(id), null),
});
export type DecisionInput = z.input<typeof decisionInputSchema>;
export const decisionPatchSchema = z.strictObject({
  text: z.optional(decisionText),
  rationale: z.optional(longText),
  alternatives: z.optional(longText),
  decidedBy: z.optional(shortText),
  agendaItemId: z.optional(z.nullable(id)),
  reviewDate: z.optional(optionalIsoDate),
  supersedesId: z.optional(z.nullable(id)),
});
export type DecisionPatch = z.input<typeof decisionPatchSchema>;

export const personSchema = z.strictObject({
  name: shortText,
  department: z._default(shortText, ''),
});

export const itemLinkSchema = z.strictObject({
  kind: z.enum(['decision', 'agenda', 'kpi']),
  id,
});

export const externalRefSchema = z.strictObject({
  tracker: z.enum(['github', 'jira', 'linear']),
  key: z.string().check(z.minLength(1), z.maxLength(200)),
  url: z.url({ protocol: /^https?$/ }),
});

export const actionItemInputSchema = z.strictObject({
  title: requiredTitle,
  owner: z._default(personSchema, { name: '', department: '' }),
  dueDate: z._default(optionalIsoDate, null),
  status: z._default(z.enum(ACTION_ITEM_STATUSES), 'open'),
  link: z._default(z.nullable(itemLinkSchema), null),
});
export type ActionItemInput = z.input<typeof actionItemInputSchema>;
export const actionItemPatchSchema = z.strictObject({
  title: z.optional(requiredTitle),
  owner: z.optional(personSchema),
  dueDate: z.optional(optionalIsoDate),
  status: z.optional(z.enum(ACTION_ITEM_STATUSES)),
  link: z.optional(z.nullable(itemLinkSchema)),
  externalRefs: z.optional(z.array(externalRefSchema).check(z.maxLength(10))),
});
export type ActionItemPatch = z.input<typeof actionItemPatchSchema>;

export const kpiInputSchema = z.strictObject({
  name: requiredTitle,
  unit: z._default(shortText, ''),
  target: z._default(z.nullable(finiteNumber), null),
  actual: z._default(z.nullable(finiteNumber), null),
  previous: z._default(z.nullable(finiteNumber), null),
  direction: z._default(z.enum(KPI_DIRECTIONS), 'higher_is_better'),
  owner: z._default(shortText, ''),
  comment: z._default(longText, ''),
  countermeasureActionId: z._default(z.nullable(id), null),
});
export type KpiInput = z.input<typeof kpiInputSchema>;
export const kpiPatchSchema = z.strictObject({
  name: z.optional(requiredTitle),
  unit: z.optional(shortText),
  target: z.optional(z.nullable(finiteNumber)),
  actual: z.optional(z.nullable(finiteNumber)),
  previous: z.optional(z.nullable(finiteNumber)),
  direction: z.optional(z.enum(KPI_DIRECTIONS)),
  owner: z.optional(shortText),
  comment: z.optional(longText),
  countermeasureActionId: z.optional(z.nullable(id)),
});
export type KpiPatch = z.input<typeof kpiPatchSchema>;

export const positionSchema = z.strictObject({
  index: z.optional(z.int().check(z.gte(0))),
});
export type Position = z.input<typeof positionSchema>;
