/**
 * A series as a 会議体 (meeting body): why it meets, what kind of decision it makes and may make,
 * how often, who sits in it (by department and role), which body it escalates to, and when to ask
 * whether it is still needed. Stored with the series (outside the meeting documents), so the
 * 課題 register and escalation can point at a body by the series id its meetings already carry.
 */
import * as z from 'zod/mini';
import { DEFAULT_SIGN_OFF_RULE, signOffRuleSchema, type SignOffRule } from '../minutes/signOff';

/** 報告 / 確認 / 合意 / 承認 (report, confirm, agree, approve): the one thing the body is for. */
export const DECISION_FUNCTIONS = ['report', 'confirm', 'agree', 'approve'] as const;
export type DecisionFunction = (typeof DECISION_FUNCTIONS)[number];

/** 議長, 書記, members, and the informed (receive the minutes only: RACI's "I"). */
export const BODY_ROLES = ['chair', 'secretary', 'member', 'informed'] as const;
export type BodyRole = (typeof BODY_ROLES)[number];

export const CADENCE_EVERY = ['week', 'twoWeeks', 'month', 'quarter', 'asNeeded'] as const;
export type CadenceEvery = (typeof CADENCE_EVERY)[number];

export interface Cadence {
  every: CadenceEvery;
  /** ISO weekday, 1 = Monday … 7 = Sunday; null when not fixed (or as needed). */
  weekday: number | null;
  /** "HH:MM" in the workspace's zone; null when not fixed. */
  time: string | null;
}

export interface BodyMember {
  name: string;
  department: string;
  role: BodyRole;
}

/** The body's fields, part of every Series (a series made before bodies has the defaults). */
export interface MeetingBodyFields {
  purpose: string;
  /** Null while not set (a plain series). */
  decisionFunction: DecisionFunction | null;
  /** What it may decide (decision rights), as people write it. */
  decisionRights: string;
  cadence: Cadence;
  members: BodyMember[];
  /** The series of the body it escalates to; never itself or one of its own descendants. */
  parentId: string | null;
  /** "YYYY-MM-DD": the day to ask "is this meeting still needed?"; null for none. */
  reviewOn: string | null;
  /** When the minutes are 確定 (議事録確認): all attendees approve, a majority, or the chair. */
  signOffRule: SignOffRule;
}

export const BODY_FIELD_NAMES = ['purpose', 'decisionFunction', 'decisionRights', 'cadence', 'members', 'parentId', 'reviewOn', 'signOffRule'] as const;

export const DEFAULT_CADENCE: Cadence = { every: 'asNeeded', weekday: null, time: null };

export const defaultBodyFields = (): MeetingBodyFields => ({
  purpose: '',
  decisionFunction: null,
  decisionRights: '',
  cadence: { ...DEFAULT_CADENCE },
  members: [],
  parentId: null,
  reviewOn: null,
  signOffRule: DEFAULT_SIGN_OFF_RULE,
});

const longText = z.string().check(z.trim(), z.maxLength(2000));

export const cadenceSchema = z.strictObject({
  every: z.enum(CADENCE_EVERY),
  weekday: z._default(z.nullable(z.int().check(z.gte(1), z.lte(7))), null),
  time: z._default(z.nullable(z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM (00:00–23:59)'))), null),
});

export const bodyMemberSchema = z.strictObject({
  name: z.string().check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(500)),
  department: z._default(z.string().check(z.trim(), z.maxLength(500)), ''),
  role: z.enum(BODY_ROLES),
});

/** Each field optional: a create fills the rest with the defaults, a patch changes only what it names. */
export const bodyFieldsShape = {
  purpose: z.optional(longText),
  decisionFunction: z.optional(z.nullable(z.enum(DECISION_FUNCTIONS))),
  decisionRights: z.optional(longText),
  cadence: z.optional(cadenceSchema),
  members: z.optional(z.array(bodyMemberSchema).check(z.maxLength(200))),
  parentId: z.optional(z.nullable(z.string().check(z.minLength(1), z.maxLength(200)))),
  reviewOn: z.optional(z.nullable(z.iso.date())),
  signOffRule: z.optional(signOffRuleSchema),
};

/** Days between meetings by the cadence (a month and a quarter approximately); null when as needed. */
export function cadenceDays(cadence: Cadence): number | null {
  switch (cadence.every) {
    case 'week':
      return 7;
    case 'twoWeeks':
      return 14;
    case 'month':
      return 30;
    case 'quarter':
      return 91;
    default:
      return null;
  }
}

/**
 * The day the next meeting is due by the cadence: `every` after the last one (months and quarters
 * by calendar; weeks: the fixed day's next date), moved forward to the fixed weekday; from `today`
 * when there was none, and today when that day has passed. Null as needed.
 */
export function nextDueDay(cadence: Cadence, lastHeldOn: string | null, today: string): string | null {
  if (cadence.every === 'asNeeded') return null;
  const [y, m, d] = (lastHeldOn ?? today).split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (lastHeldOn) {
    if (cadence.every === 'month') date.setUTCMonth(date.getUTCMonth() + 1);
    else if (cadence.every === 'quarter') date.setUTCMonth(date.getUTCMonth() + 3);
    // With a fixed day, the first such day after the last meeting (a week later for every two
    // weeks), so a Monday meeting held late on a Tuesday is next due the coming Monday.
    else if (cadence.weekday !== null) date.setUTCDate(date.getUTCDate() + (cadence.every === 'twoWeeks' ? 8 : 1));
    else date.setUTCDate(date.getUTCDate() + (cadenceDays(cadence) ?? 0));
  }
  if (cadence.weekday !== null) {
    const iso = ((date.getUTCDay() + 6) % 7) + 1;
    date.setUTCDate(date.getUTCDate() + ((cadence.weekday - iso + 7) % 7));
  }
  let day = date.toISOString().slice(0, 10);
  // Overdue by the cadence still reads as due today, not as a day in the past.
  if (day < today && lastHeldOn) day = nextDueDay(cadence, null, today) ?? today;
  return day;
}

/** Why `parentId` cannot be the parent of `id`, or null when it can (`parentOf` maps every body to its parent). */
export function parentProblem(id: string | null, parentId: string | null, parentOf: ReadonlyMap<string, string | null>): 'unknown' | 'self' | 'cycle' | null {
  if (parentId === null) return null;
  if (!parentOf.has(parentId)) return 'unknown';
  if (parentId === id) return 'self';
  const seen = new Set<string>();
  for (let at: string | null = parentId; at !== null && !seen.has(at); at = parentOf.get(at) ?? null) {
    if (at === id) return 'cycle';
    seen.add(at);
  }
  return null;
}
