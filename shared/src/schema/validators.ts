import { z } from 'zod';
import {
  ACTION_ITEM_STATUSES,
  AGENDA_ITEM_STATUSES,
  KPI_DIRECTIONS,
} from './records';

/**
 * Input validators for every write the model accepts. Each write is checked here before the
 * document is touched, so a rejected call changes nothing.
 */

const MAX_SHORT = 500;
const MAX_LONG = 10_000;

const shortText = z.string().trim().max(MAX_SHORT);
const longText = z.string().max(MAX_LONG);
const requiredTitle = z.string().trim().min(1, 'must not be empty').max(MAX_SHORT);
const isoDate = z.iso.date();
const optionalIsoDate = isoDate.nullable();
const id = z.string().min(1).max(100);
const finiteNumber = z.number().finite();

export const meetingInitSchema = z.strictObject({
  title: requiredTitle,
  seriesId: id.nullable().optional(),
  departments: z.array(shortText).max(50).optional(),
  scheduledStart: z.iso.datetime({ offset: true }).nullable().optional(),
  place: shortText.optional(),
  language: z.enum(['ja', 'en']).optional(),
  kpiAtRiskMargin: z.number().min(0).max(1).optional(),
});
export type MeetingInit = z.input<typeof meetingInitSchema>;

export const meetingMetaPatchSchema = z.strictObject({
  title: requiredTitle.optional(),
  seriesId: id.nullable().optional(),
  departments: z.array(shortText).max(50).optional(),
  scheduledStart: z.iso.datetime({ offset: true }).nullable().optional(),
  place: shortText.optional(),
  language: z.enum(['ja', 'en']).optional(),
  kpiAtRiskMargin: z.number().min(0).max(1).optional(),
});
export type MeetingMetaPatch = z.input<typeof meetingMetaPatchSchema>;

export const attendeeInputSchema = z.strictObject({
  name: requiredTitle,
  department: shortText.default(''),
  present: z.boolean().default(true),
});
export type AttendeeInput = z.input<typeof attendeeInputSchema>;
// Not `attendeeInputSchema.partial()`: that keeps the input's defaults, so a patch of
// `{ present: false }` would also reset the department to ''.
export const attendeePatchSchema = z.strictObject({
  name: requiredTitle.optional(),
  department: shortText.optional(),
  present: z.boolean().optional(),
});
export type AttendeePatch = z.input<typeof attendeePatchSchema>;

const timeboxMinutes = z.number().int().min(0).max(24 * 60);

export const agendaItemInputSchema = z.strictObject({
  title: requiredTitle,
  presenter: shortText.default(''),
  timeboxMinutes: timeboxMinutes.default(10),
  status: z.enum(AGENDA_ITEM_STATUSES).default('pending'),
});
export type AgendaItemInput = z.input<typeof agendaItemInputSchema>;
export const agendaItemPatchSchema = z.strictObject({
  title: requiredTitle.optional(),
  presenter: shortText.optional(),
  timeboxMinutes: timeboxMinutes.optional(),
  status: z.enum(AGENDA_ITEM_STATUSES).optional(),
  actualSeconds: z.number().int().min(0).optional(),
});
export type AgendaItemPatch = z.input<typeof agendaItemPatchSchema>;

export const decisionInputSchema = z.strictObject({
  text: z.string().trim().min(1, 'must not be empty').max(MAX_LONG),
  rationale: longText.default(''),
  alternatives: longText.default(''),
  decidedBy: shortText.default(''),
  agendaItemId: id.nullable().default(null),
  reviewDate: optionalIsoDate.default(null),
  supersedesId: id.nullable().default(null),
});
export type DecisionInput = z.input<typeof decisionInputSchema>;
export const decisionPatchSchema = z.strictObject({
  text: z.string().trim().min(1, 'must not be empty').max(MAX_LONG).optional(),
  rationale: longText.optional(),
  alternatives: longText.optional(),
  decidedBy: shortText.optional(),
  agendaItemId: id.nullable().optional(),
  reviewDate: optionalIsoDate.optional(),
  supersedesId: id.nullable().optional(),
});
export type DecisionPatch = z.input<typeof decisionPatchSchema>;

export const personSchema = z.strictObject({
  name: shortText,
  department: shortText.default(''),
});

export const itemLinkSchema = z.strictObject({
  kind: z.enum(['decision', 'agenda', 'kpi']),
  id,
});

export const externalRefSchema = z.strictObject({
  tracker: z.enum(['github', 'jira', 'linear']),
  key: z.string().min(1).max(200),
  url: z.url({ protocol: /^https?$/ }),
});

export const actionItemInputSchema = z.strictObject({
  title: requiredTitle,
  owner: personSchema.default({ name: '', department: '' }),
  dueDate: optionalIsoDate.default(null),
  status: z.enum(ACTION_ITEM_STATUSES).default('open'),
  link: itemLinkSchema.nullable().default(null),
});
export type ActionItemInput = z.input<typeof actionItemInputSchema>;
export const actionItemPatchSchema = z.strictObject({
  title: requiredTitle.optional(),
  owner: personSchema.optional(),
  dueDate: optionalIsoDate.optional(),
  status: z.enum(ACTION_ITEM_STATUSES).optional(),
  link: itemLinkSchema.nullable().optional(),
  externalRefs: z.array(externalRefSchema).max(10).optional(),
});
export type ActionItemPatch = z.input<typeof actionItemPatchSchema>;

export const kpiInputSchema = z.strictObject({
  name: requiredTitle,
  unit: shortText.default(''),
  target: finiteNumber.nullable().default(null),
  actual: finiteNumber.nullable().default(null),
  previous: finiteNumber.nullable().default(null),
  direction: z.enum(KPI_DIRECTIONS).default('higher_is_better'),
  owner: shortText.default(''),
  comment: longText.default(''),
  countermeasureActionId: id.nullable().default(null),
});
export type KpiInput = z.input<typeof kpiInputSchema>;
export const kpiPatchSchema = z.strictObject({
  name: requiredTitle.optional(),
  unit: shortText.optional(),
  target: finiteNumber.nullable().optional(),
  actual: finiteNumber.nullable().optional(),
  previous: finiteNumber.nullable().optional(),
  direction: z.enum(KPI_DIRECTIONS).optional(),
  owner: shortText.optional(),
  comment: longText.optional(),
  countermeasureActionId: id.nullable().optional(),
});
export type KpiPatch = z.input<typeof kpiPatchSchema>;

export const positionSchema = z.strictObject({
  index: z.number().int().min(0).optional(),
});
export type Position = z.input<typeof positionSchema>;
