/**
 * The registers: every decision (決定事項台帳) and every action item across meetings, each a paged
 * list with filters (`GET /api/decisions`, `GET /api/action-items`), and the home page's items.
 */
import type { ActionItemStatus } from '../schema/records';
import type { PageInfo } from './paging';

/**
 * A decision's state in the register. `in_force` unless a later decision supersedes it; an in-force
 * decision whose review date has passed is `review_overdue`, one due for review within
 * REVIEW_DUE_DAYS is `review_due`.
 */
export const DECISION_STATES = ['in_force', 'superseded', 'review_due', 'review_overdue'] as const;
export type DecisionState = (typeof DECISION_STATES)[number];
/** A review date this many days ahead or fewer counts as due. */
export const REVIEW_DUE_DAYS = 30;

export interface DecisionQuery {
  series?: string;
  /** A department of the meeting. */
  department?: string;
  from?: string;
  to?: string;
  /** Exactly who decided (as recorded). */
  decider?: string;
  state?: DecisionState;
  cursor?: string;
  limit?: number;
}

/** A decision as a link target: where it was taken. */
export interface DecisionRef {
  meetingId: string;
  meetingTitle: string;
  heldOn: string | null;
  decisionId: string;
  text: string;
}

export interface DecisionEntry extends DecisionRef {
  seriesId: string | null;
  rationale: string;
  decidedBy: string;
  reviewDate: string | null;
  state: DecisionState;
  /**
   * The supersedes chain this decision belongs to, oldest first, this one included (a lone
   * decision: just itself). Bounded to DECISION_CHAIN_MAX around this decision.
   */
  chain: DecisionRef[];
  /** Client route of the decision in its meeting. */
  link: string;
}

export const DECISION_CHAIN_MAX = 10;

/** Newest meeting first, then the meeting's own order. */
export interface DecisionPage extends PageInfo {
  today: string;
  decisions: DecisionEntry[];
}

/**
 * Which action items: `open` (not done or dropped), `overdue` (open, due before today),
 * `due_this_week` (open, due from today to Sunday), `due` (open and overdue or due within
 * `days`: the home page's list), `closed`, `all`.
 */
export const ACTION_ITEM_STATES = ['open', 'overdue', 'due_this_week', 'due', 'closed', 'all'] as const;
export type ActionItemState = (typeof ACTION_ITEM_STATES)[number];

export interface ActionItemQuery {
  state?: ActionItemState;
  /** Owner's name, exactly. */
  owner?: string;
  /** Owner's department, exactly ("" is not a filter: leave it out). */
  department?: string;
  series?: string;
  /** A department of the meeting the item now lives in (the dashboard's department scope). */
  meetingDepartment?: string;
  /** For `due`: how many days ahead count as due soon (default 7). */
  days?: number;
  cursor?: string;
  limit?: number;
}

/**
 * One action item, counted once however often it was carried over: the newest copy stands for
 * it (its meeting, title, owner, due date and status).
 */
export interface ActionItemEntry {
  meetingId: string;
  meetingTitle: string;
  heldOn: string | null;
  actionItemId: string;
  title: string;
  owner: string;
  department: string;
  dueDate: string | null;
  status: ActionItemStatus;
  overdue: boolean;
  /** Where it was first raised, when it was carried over since (else null). */
  raisedIn: { meetingId: string; meetingTitle: string; heldOn: string | null } | null;
  /** Client route of the item in its meeting. */
  link: string;
}

/** Open items by due date (undated last); closed ones newest first. */
export interface ActionItemPage extends PageInfo {
  today: string;
  items: ActionItemEntry[];
}
