/**
 * A series of meetings (e.g. the weekly sales × product sync): its name, departments, language and
 * usual agenda. Series live outside the meeting documents (the server stores them); meetings point
 * at theirs through meta.seriesId.
 */
import { z } from 'zod';

export interface AgendaTemplateItem {
  title: string;
  presenter: string;
  timeboxMinutes: number;
}

export interface Series {
  id: string;
  name: string;
  departments: string[];
  language: 'ja' | 'en';
  agendaTemplate: AgendaTemplateItem[];
  /** Epoch ms. */
  createdAt: number;
}

const shortText = z.string().trim().max(500);

export const agendaTemplateItemSchema = z.strictObject({
  title: z.string().trim().min(1, 'must not be empty').max(500),
  presenter: shortText.default(''),
  timeboxMinutes: z.number().int().min(0).max(24 * 60).default(10),
});

export const seriesInputSchema = z.strictObject({
  name: z.string().trim().min(1, 'must not be empty').max(500),
  departments: z.array(shortText).max(50).default([]),
  language: z.enum(['ja', 'en']).default('ja'),
  agendaTemplate: z.array(agendaTemplateItemSchema).max(100).default([]),
});
export type SeriesInput = z.input<typeof seriesInputSchema>;

export const seriesPatchSchema = z.strictObject({
  name: z.string().trim().min(1, 'must not be empty').max(500).optional(),
  departments: z.array(shortText).max(50).optional(),
  language: z.enum(['ja', 'en']).optional(),
  agendaTemplate: z.array(agendaTemplateItemSchema).max(100).optional(),
});
export type SeriesPatch = z.input<typeof seriesPatchSchema>;

export const seriesNextMeetingSchema = z.strictObject({
  title: z.string().trim().min(1).max(500).optional(),
  scheduledStart: z.iso.datetime({ offset: true }).nullable().optional(),
  place: shortText.optional(),
});
export type SeriesNextMeetingInput = z.input<typeof seriesNextMeetingSchema>;
