import * as z from 'zod/mini';
import {
  epochMs,
  idSchema,
  isoDateSchema,
  longText,
  MAX_LONG,
  MAX_SHORT,
  nullableId,
  nullableIsoDate,
  oneOf,
  orderKey,
  same,
  title,
} from './fieldTypes';
import { person } from './meetingRecords';
import { defineRecord, field } from './recordSchema';

/**
 * The 課題 (issue) of a meeting document, declared once like the other records (meetingRecords.ts):
 * a problem with its root cause, an owner, countermeasure action items and a way up to the parent
 * meeting body (escalation). Carried copies point at their root like action items (`carriedFrom`).
 */
export const ISSUE_STATUSES = ['open', 'analysing', 'countermeasure', 'monitoring', 'closed'] as const;
export const ISSUE_SEVERITIES = ['low', 'medium', 'high'] as const;
/** How an escalation was decided: by someone, or by the rule (model/issueEscalation.ts). */
export const ESCALATION_TRIGGERS = ['hand', 'overdue', 'high_without_countermeasure'] as const;

const line = z.string().check(z.maxLength(MAX_SHORT));
const text = z.string().check(z.maxLength(MAX_LONG));
const number = z.nullable(z.number());

/** Where the 課題 came from, with the numbers as they were when it was raised. */
export const issueSourceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('manual') }),
  z.strictObject({
    kind: z.literal('kpi'),
    kpiId: idSchema,
    name: line,
    unit: line,
    target: number,
    actual: number,
    previous: number,
    /** Actuals of the earlier meetings of the body, oldest first. */
    history: z.array(z.strictObject({ heldOn: z.nullable(isoDateSchema), actual: number })).check(z.maxLength(52)),
  }),
  z.strictObject({
    kind: z.literal('actionItem'),
    actionItemId: idSchema,
    title: line,
    owner: line,
    dueDate: z.nullable(isoDateSchema),
    reason: z.enum(['overdue', 'blocked']),
  }),
  z.strictObject({ kind: z.literal('decision'), decisionId: idSchema, text }),
]);

/** What the parent body decided on an escalated 課題, written back to the child's copy. */
export const parentDecisionSchema = z.strictObject({
  text: z.string().check(z.minLength(1), z.maxLength(MAX_LONG)),
  meetingId: idSchema,
  decisionId: idSchema,
  /** The status the parent set for the 課題 (its copies follow it), or null to leave it. */
  status: z.nullable(z.enum(ISSUE_STATUSES)),
  decidedAt: z.number().check(z.gte(0)),
});

export const escalationSchema = z.strictObject({
  trigger: z.enum(ESCALATION_TRIGGERS),
  /** What the child body asks the parent for. */
  ask: text,
  /** What was tried already. */
  tried: text,
  escalatedAt: z.number().check(z.gte(0)),
  parentDecision: z.nullable(parentDecisionSchema),
});

/** The なぜ chain: why → why → … (one to five levels, each a line of text). */
const rootCause = same(z.array(z.string().check(z.minLength(1), z.maxLength(MAX_LONG))).check(z.maxLength(5)));
const countermeasures = same(z.array(idSchema).check(z.maxLength(20)));

/** Where a carried 課題 came from (series/issueCarryOver.ts), the same rule as action items. */
const issueRef = z.strictObject({ meetingId: idSchema, issueId: idSchema });
export const issueCarriedFromSchema = z.strictObject({ root: issueRef, via: issueRef });

export const issueRecord = defineRecord(
  {
    title: field(title, '', { create: 'required' }),
    description: field(longText, ''),
    rootCause: field(rootCause, []),
    severity: field(oneOf(ISSUE_SEVERITIES), 'medium'),
    owner: field(person, { name: '', department: '' }),
    status: field(oneOf(ISSUE_STATUSES), 'open'),
    /** Action items of this meeting that are its countermeasure. */
    countermeasureIds: field(countermeasures, []),
    /** The meeting it was first raised in (kept by carried copies). */
    raisedInMeetingId: field(nullableId, null),
    /** When it should be solved by: past it, the escalation rule sends it up. */
    dueDate: field(nullableIsoDate, null),
    source: field(same(issueSourceSchema), { kind: 'manual' }),
    escalation: field(same(z.nullable(escalationSchema)), null),
    createdAt: field(epochMs, 0, { create: 'none', patch: false }),
    order: field(orderKey, '', { create: 'none', patch: false }),
  },
  { carriedFrom: issueCarriedFromSchema },
);
