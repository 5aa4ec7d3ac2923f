/**
 * The plain shapes of everything in a meeting document. These are what the typed model returns
 * and what the JSON view, REST API and exports carry; nothing outside shared/src/model knows how
 * they are laid out in Yjs.
 */

export type MeetingStatus = 'draft' | 'live' | 'ended';
export const MEETING_STATUSES = ['draft', 'live', 'ended'] as const;

/**
 * Facilitation timer, stored as timestamps so every client computes the same remaining time
 * from its own (server-corrected) clock instead of anyone ticking shared state.
 * All times are epoch milliseconds on the server's clock.
 */
export interface TimerState {
  /** The agenda item the timer is measuring. */
  agendaItemId: string;
  /** When the current run started; null while paused. */
  runningSince: number | null;
  /** Time accumulated by earlier runs of this item (before the last pause). */
  elapsedBeforeRunMs: number;
  /** Extra time granted on top of the item's timebox. */
  extensionMs: number;
}

export interface MeetingMeta {
  schemaVersion: number;
  title: string;
  seriesId: string | null;
  /** Its number in the series (第12回 / #12), given by "next meeting"; null outside a series. */
  seriesNumber: number | null;
  departments: string[];
  /**
   * When it is to start: an ISO 8601 date-time, or a bare day "YYYY-MM-DD" while the time is not
   * fixed (read in the workspace's zone); null when not scheduled.
   */
  scheduledStart: string | null;
  /** Room name or call link. */
  place: string;
  status: MeetingStatus;
  currentAgendaItemId: string | null;
  timer: TimerState | null;
  /** Epoch ms (server clock) when the meeting was started / ended. */
  startedAt: number | null;
  endedAt: number | null;
  /** BCP 47 language of the meeting's minutes ("ja" or "en"). */
  language: 'ja' | 'en';
  /**
   * The KPI status rule's margin for this meeting: how far short of a target, as a fraction of
   * |target|, still counts as at risk (0.1 = within 10 %). See kpi/kpiStatus.ts.
   */
  kpiAtRiskMargin: number;
}

export interface Attendee {
  id: string;
  name: string;
  department: string;
  present: boolean;
  order: string;
}

export type AgendaItemStatus = 'pending' | 'in_progress' | 'done' | 'skipped';
export const AGENDA_ITEM_STATUSES = ['pending', 'in_progress', 'done', 'skipped'] as const;

export interface AgendaItem {
  id: string;
  title: string;
  presenter: string;
  timeboxMinutes: number;
  /** Time actually spent, recorded by the facilitation timer (seconds). */
  actualSeconds: number;
  status: AgendaItemStatus;
  /** Fractional index: items sort by (order, id). */
  order: string;
}

export interface Decision {
  id: string;
  text: string;
  rationale: string;
  alternatives: string;
  decidedBy: string;
  agendaItemId: string | null;
  /** Epoch ms. */
  createdAt: number;
  /** ISO date (YYYY-MM-DD) to revisit the decision, or null. */
  reviewDate: string | null;
  /** The earlier decision this one replaces, or null. */
  supersedesId: string | null;
  order: string;
}

export type ActionItemStatus = 'open' | 'in_progress' | 'done' | 'dropped';
export const ACTION_ITEM_STATUSES = ['open', 'in_progress', 'done', 'dropped'] as const;

export interface Person {
  name: string;
  department: string;
}

export type LinkKind = 'decision' | 'agenda' | 'kpi';
export interface ItemLink {
  kind: LinkKind;
  id: string;
}

export type TrackerKind = 'github' | 'jira' | 'linear';
export interface ExternalRef {
  tracker: TrackerKind;
  /** Issue key or number in the tracker, e.g. "OPS-12" or "42". */
  key: string;
  url: string;
}

export interface ActionItem {
  id: string;
  title: string;
  owner: Person;
  /** ISO date (YYYY-MM-DD), or null when undated. */
  dueDate: string | null;
  status: ActionItemStatus;
  link: ItemLink | null;
  externalRefs: ExternalRef[];
  /** Epoch ms. */
  createdAt: number;
  order: string;
}

export type KpiDirection = 'higher_is_better' | 'lower_is_better';
export const KPI_DIRECTIONS = ['higher_is_better', 'lower_is_better'] as const;

export interface Kpi {
  id: string;
  name: string;
  unit: string;
  target: number | null;
  actual: number | null;
  previous: number | null;
  direction: KpiDirection;
  owner: string;
  comment: string;
  countermeasureActionId: string | null;
  order: string;
}

/** Derived from a KPI's numbers, never stored. */
export type KpiStatus = 'on_track' | 'at_risk' | 'off_track';
