/**
 * The query strings of the history routes, validated with zod before anything is read: each
 * parameter's type, size and characters (no control characters, NUL included), dates that exist,
 * ranges in order, known parameters only. A bad one gets a 400 naming it; cursors are checked by
 * CursorCodec against the same filters.
 */
import type { Context } from 'hono';
import { z } from 'zod';
import { ValidationError } from '@suishin/shared';
import {
  ACTION_ITEM_STATES,
  DASHBOARD_PERIODS,
  DECISION_STATES,
  MAX_ID_LENGTH,
  MAX_PAGE_SIZE,
  SEARCH_QUERY_MAX,
  SEARCH_SORTS,
  type ActionItemQuery,
  type ArchiveQuery,
  type DashboardMeetingsQuery,
  type DashboardQuery,
  type DecisionQuery,
  type MeetingListQuery,
  type SearchQuery,
} from '@suishin/shared/protocol';
import { invalidInput } from './apiErrors';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

const text = (max: number) =>
  z
    .string()
    .max(max, `at most ${max} characters`)
    .refine((v) => !CONTROL.test(v), 'must not contain control characters');

const id = text(MAX_ID_LENGTH).refine((v) => v.length > 0, 'must not be empty');

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date, YYYY-MM-DD')
  .refine((v) => {
    const time = Date.parse(`${v}T00:00:00Z`);
    return Number.isFinite(time) && new Date(time).toISOString().startsWith(v);
  }, 'is not a day of the calendar');

const limit = z
  .string()
  .regex(/^\d+$/, 'must be a whole number')
  .transform(Number)
  .refine((n) => n >= 1 && n <= MAX_PAGE_SIZE, `must be from 1 to ${MAX_PAGE_SIZE}`);

const cursor = text(2000);
const status = z.enum(['draft', 'live', 'ended'], { message: 'must be draft, live or ended' });

const inOrder = (q: { from?: string | undefined; to?: string | undefined }) => !q.from || !q.to || q.from <= q.to;
const orderIssue = { message: 'must not be before from', path: ['to'] };

export const archiveQuery = z
  .strictObject({ series: id, department: text(200), from: day, to: day, status, cursor, limit }, { message: 'unknown parameter' })
  .partial()
  .refine(inOrder, orderIssue);

export const searchQuery = z
  .strictObject(
    {
      q: text(SEARCH_QUERY_MAX),
      sort: z.enum(SEARCH_SORTS, { message: `must be ${SEARCH_SORTS.join(' or ')}` }).optional(),
      series: id.optional(),
      department: text(200).optional(),
      from: day.optional(),
      to: day.optional(),
      cursor: cursor.optional(),
    },
    { message: 'unknown parameter' },
  )
  .partial({ q: true })
  .refine(inOrder, orderIssue);

export const decisionQuery = z
  .strictObject(
    {
      series: id,
      department: text(200),
      from: day,
      to: day,
      decider: text(200),
      state: z.enum(DECISION_STATES, { message: `must be one of ${DECISION_STATES.join(', ')}` }),
      cursor,
      limit,
    },
    { message: 'unknown parameter' },
  )
  .partial()
  .refine(inOrder, orderIssue);

export const actionItemQuery = z
  .strictObject(
    {
      state: z.enum(ACTION_ITEM_STATES, { message: `must be one of ${ACTION_ITEM_STATES.join(', ')}` }),
      owner: text(200),
      department: text(200),
      series: id,
      meetingDepartment: text(200),
      days: z
        .string()
        .regex(/^\d+$/, 'must be a whole number')
        .transform(Number)
        .refine((n) => n <= 365, 'must be from 0 to 365'),
      cursor,
      limit,
    },
    { message: 'unknown parameter' },
  )
  .partial();

const dashboardScope = {
  series: id.optional(),
  department: text(200).refine((v) => v.trim().length > 0, 'must not be empty').optional(),
  from: day.optional(),
  to: day.optional(),
};
const oneScope = (q: { series?: string | undefined; department?: string | undefined }) => !q.series !== !q.department;
const scopeIssue = { message: 'give exactly one of series or department', path: ['series'] };

export const dashboardQuery = z
  .strictObject(
    { ...dashboardScope, period: z.enum(DASHBOARD_PERIODS, { message: `must be ${DASHBOARD_PERIODS.join(', ')}` }).optional() },
    { message: 'unknown parameter' },
  )
  .refine(oneScope, scopeIssue)
  .refine(inOrder, orderIssue);

export const dashboardMeetingsQuery = z
  .strictObject({ ...dashboardScope, cursor: cursor.optional(), limit: limit.optional() }, { message: 'unknown parameter' })
  .refine(oneScope, scopeIssue)
  .refine(inOrder, orderIssue);

export const meetingListQuery = z.strictObject({ cursor, limit }, { message: 'unknown parameter' }).partial();

/**
 * Each schema reads exactly shared's query type (the client builds its requests from the same
 * types): a parameter added, renamed or retyped on one side only breaks the build.
 */
type SameKeys<A, B> = [keyof A] extends [keyof B] ? ([keyof B] extends [keyof A] ? true : false) : false;
type Same<A, B> = SameKeys<A, B> extends true ? ([A] extends [B] ? ([B] extends [A] ? true : false) : false) : false;
type Holds<T extends true> = T;
export type _QueriesAreShared = [
  Holds<Same<z.output<typeof archiveQuery>, ArchiveQuery>>,
  Holds<Same<z.output<typeof searchQuery>, SearchQuery>>,
  Holds<Same<z.output<typeof decisionQuery>, DecisionQuery>>,
  Holds<Same<z.output<typeof actionItemQuery>, ActionItemQuery>>,
  Holds<Same<z.output<typeof dashboardQuery>, DashboardQuery>>,
  Holds<Same<z.output<typeof dashboardMeetingsQuery>, DashboardMeetingsQuery>>,
  Holds<Same<z.output<typeof meetingListQuery>, MeetingListQuery>>,
];

/** The request's query string parsed by `schema`, or the 400 to send (naming the parameter). */
export function parseQuery<S extends z.ZodType>(c: Context, schema: S): { ok: true; value: z.output<S> } | { ok: false; res: Response } {
  const parsed = schema.safeParse(c.req.query());
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  // An unknown parameter is reported by its own name.
  const field = issue?.code === 'unrecognized_keys' ? issue.keys[0] : issue?.path.map(String).join('.');
  const error = field ? new ValidationError(`${field}: ${issue?.code === 'unrecognized_keys' ? 'unknown parameter' : issue!.message}`, field) : ValidationError.fromZod(parsed.error);
  return { ok: false, res: invalidInput(c, error.message, error.field) };
}

export const noQuery = z.strictObject({}, { message: 'unknown parameter' });
