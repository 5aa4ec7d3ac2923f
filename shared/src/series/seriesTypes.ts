/**
 * A series of meetings (e.g. the weekly sales × product sync): its name, departments, language,
 * usual agenda and usual attendees (invited to each next meeting). Series live outside the meeting documents (the server stores them); meetings point
 * at theirs through meta.seriesId.
 */
import * as z from 'zod/mini';
import { bodyFieldsShape, type MeetingBodyFields } from './meetingBody';

export interface AgendaTemplateItem {
  title: string;
  presenter: string;
  timeboxMinutes: number;
}

export interface UsualAttendee {
  name: string;
  department: string;
}

/** A series is a 会議体 (meeting body): its body fields are in meetingBody.ts. */
export interface Series extends MeetingBodyFields {
  id: string;
  name: string;
  departments: string[];
  language: 'ja' | 'en';
  agendaTemplate: AgendaTemplateItem[];
  /** Invited to every next meeting (listed as attendees, not yet present). */
  usualAttendees: UsualAttendee[];
  /** Epoch ms. */
  createdAt: number;
}

const shortText = z.string().check(z.trim(), z.maxLength(500));

export const agendaTemplateItemSchema = z.strictObject({
  title: z.string().check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(500)),
  presenter: z._default(shortText, ''),
  timeboxMinutes: z._default(z.int().check(z.gte(0), z.lte(24 * 60)), 10),
});

export const usualAttendeeSchema = z.strictObject({
  name: z.string().check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(500)),
  department: z._default(shortText, ''),
});

export const seriesInputSchema = z.strictObject({
  name: z.string().check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(500)),
  departments: z._default(z.array(shortText).check(z.maxLength(50)), []),
  language: z._default(z.enum(['ja', 'en']), 'ja'),
  agendaTemplate: z._default(z.array(agendaTemplateItemSchema).check(z.maxLength(100)), []),
  usualAttendees: z._default(z.array(usualAttendeeSchema).check(z.maxLength(200)), []),
  ...bodyFieldsShape,
});
export type SeriesInput = z.input<typeof seriesInputSchema>;

export const seriesPatchSchema = z.strictObject({
  name: z.optional(z.string().check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(500))),
  departments: z.optional(z.array(shortText).check(z.maxLength(50))),
  language: z.optional(z.enum(['ja', 'en'])),
  agendaTemplate: z.optional(z.array(agendaTemplateItemSchema).check(z.maxLength(100))),
  usualAttendees: z.optional(z.array(usualAttendeeSchema).check(z.maxLength(200))),
  ...bodyFieldsShape,
});
export type SeriesPatch = z.input<typeof seriesPatchSchema>;

export const seriesNextMeetingSchema = z.strictObject({
  title: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(500))),
  scheduledStart: z.optional(z.nullable(z.union([z.iso.date(), z.iso.datetime({ offset: true })]))),
  place: z.optional(shortText),
});
export type SeriesNextMeetingInput = z.input<typeof seriesNextMeetingSchema>;
