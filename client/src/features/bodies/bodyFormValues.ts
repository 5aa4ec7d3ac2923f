/**
 * The 会議体 form's values as typed (strings, one textarea per role) and what they become: the
 * series input the server takes. A template fills the values in the form's minutes language.
 */
import {
  BODY_ROLES,
  bodyTemplate,
  type BodyMember,
  type BodyRole,
  type CadenceEvery,
  type DecisionFunction,
  type Series,
  type SeriesInput,
  type SignOffRule,
} from '@suishin/shared';
import { agendaLinesText, attendeeLinesText, parseAgendaLines, parseAttendeeLines, parseDepartments } from '../series/agendaText';

export interface BodyFormValues {
  template: string;
  name: string;
  purpose: string;
  decisionFunction: DecisionFunction | 'none';
  decisionRights: string;
  every: CadenceEvery;
  /** '1'…'7', or 'any'. */
  weekday: string;
  time: string;
  departments: string;
  language: 'ja' | 'en';
  /** '' for none. */
  parentId: string;
  /** "YYYY-MM-DD" or ''. */
  reviewOn: string;
  signOffRule: SignOffRule;
  people: Record<BodyRole, string>;
  agenda: string;
}

const noPeople = (): Record<BodyRole, string> => ({ chair: '', secretary: '', member: '', informed: '' });

export function emptyValues(language: 'ja' | 'en', parentId = ''): BodyFormValues {
  return {
    template: 'none', name: '', purpose: '', decisionFunction: 'none', decisionRights: '', every: 'asNeeded', weekday: 'any', time: '',
    departments: '', language, parentId, reviewOn: '', signOffRule: 'all', people: noPeople(), agenda: '',
  };
}

export function valuesOf(series: Series): BodyFormValues {
  const people = noPeople();
  for (const role of BODY_ROLES) people[role] = attendeeLinesText(series.members.filter((m) => m.role === role));
  return {
    template: 'none',
    name: series.name,
    purpose: series.purpose,
    decisionFunction: series.decisionFunction ?? 'none',
    decisionRights: series.decisionRights,
    every: series.cadence.every,
    weekday: series.cadence.weekday === null ? 'any' : String(series.cadence.weekday),
    time: series.cadence.time ?? '',
    departments: series.departments.join(', '),
    language: series.language,
    parentId: series.parentId ?? '',
    reviewOn: series.reviewOn ?? '',
    signOffRule: series.signOffRule,
    people,
    agenda: agendaLinesText(series.agendaTemplate),
  };
}

/** The values with a template's fields filled in (names and agenda in the form's language); people, parent and review date kept. */
export function withTemplate(values: BodyFormValues, templateId: string): BodyFormValues {
  const template = bodyTemplate(templateId);
  if (!template) return { ...values, template: 'none' };
  const l = values.language;
  return {
    ...values,
    template: templateId,
    name: template.name[l],
    purpose: template.purpose[l],
    decisionFunction: template.decisionFunction,
    decisionRights: template.decisionRights[l],
    every: template.cadence.every,
    weekday: template.cadence.weekday === null ? 'any' : String(template.cadence.weekday),
    time: template.cadence.time ?? '',
    agenda: agendaLinesText(template.agendaTemplate[l]),
  };
}

export const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;

/** "9:30" and full-width digits read as "09:30"; anything else is returned as typed (the server names it). */
export function normalizeTime(text: string): string {
  const t = text.normalize('NFKC').trim();
  const m = /^(\d{1,2}):(\d{2})$/.exec(t);
  return m ? `${m[1]!.padStart(2, '0')}:${m[2]}` : t;
}

export function toSeriesInput(v: BodyFormValues): Required<SeriesInput> {
  const members: BodyMember[] = BODY_ROLES.flatMap((role) => parseAttendeeLines(v.people[role]).map((p) => ({ ...p, role })));
  const time = normalizeTime(v.time);
  return {
    name: v.name.trim(),
    departments: parseDepartments(v.departments),
    language: v.language,
    agendaTemplate: parseAgendaLines(v.agenda),
    usualAttendees: [],
    purpose: v.purpose.trim(),
    decisionFunction: v.decisionFunction === 'none' ? null : v.decisionFunction,
    decisionRights: v.decisionRights.trim(),
    cadence: { every: v.every, weekday: v.every === 'asNeeded' || v.weekday === 'any' ? null : Number(v.weekday), time: v.every === 'asNeeded' || !time ? null : time },
    members,
    parentId: v.parentId || null,
    reviewOn: v.reviewOn || null,
    signOffRule: v.signOffRule,
  };
}
