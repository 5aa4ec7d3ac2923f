import * as z from 'zod/mini';
import { meetingMetaRecord } from './meetingMeta';
import { actionItemRecord, agendaItemRecord, attendeeRecord, decisionRecord, kpiRecord } from './meetingRecords';

/**
 * Input validators for every write the model accepts, derived from the record declarations
 * (meetingRecords.ts, meetingMeta.ts): creating takes the required fields and fills in defaults,
 * a patch takes any editable field and resets nothing. Each write is checked here before the
 * document is touched, so a rejected call changes nothing.
 */
export { MAX_LONG, MAX_SHORT } from './fieldTypes';
export { personSchema, itemLinkSchema, externalRefSchema } from './meetingRecords';

export const meetingInitSchema = meetingMetaRecord.input;
export type MeetingInit = z.input<typeof meetingInitSchema>;
export const meetingMetaPatchSchema = meetingMetaRecord.patch;
export type MeetingMetaPatch = z.input<typeof meetingMetaPatchSchema>;

export const attendeeInputSchema = attendeeRecord.input;
export type AttendeeInput = z.input<typeof attendeeInputSchema>;
export const attendeePatchSchema = attendeeRecord.patch;
export type AttendeePatch = z.input<typeof attendeePatchSchema>;

export const agendaItemInputSchema = agendaItemRecord.input;
export type AgendaItemInput = z.input<typeof agendaItemInputSchema>;
export const agendaItemPatchSchema = agendaItemRecord.patch;
export type AgendaItemPatch = z.input<typeof agendaItemPatchSchema>;

export const decisionInputSchema = decisionRecord.input;
export type DecisionInput = z.input<typeof decisionInputSchema>;
export const decisionPatchSchema = decisionRecord.patch;
export type DecisionPatch = z.input<typeof decisionPatchSchema>;

export const actionItemInputSchema = actionItemRecord.input;
export type ActionItemInput = z.input<typeof actionItemInputSchema>;
export const actionItemPatchSchema = actionItemRecord.patch;
export type ActionItemPatch = z.input<typeof actionItemPatchSchema>;

export const kpiInputSchema = kpiRecord.input;
export type KpiInput = z.input<typeof kpiInputSchema>;
export const kpiPatchSchema = kpiRecord.patch;
export type KpiPatch = z.input<typeof kpiPatchSchema>;

export { issueInputSchema, issuePatchSchema, type IssueInput, type IssuePatch } from './issueValidators';

export const positionSchema = z.strictObject({
  index: z.optional(z.int().check(z.gte(0))),
});
export type Position = z.input<typeof positionSchema>;
