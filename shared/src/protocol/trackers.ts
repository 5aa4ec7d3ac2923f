/**
 * REST shapes of pushing action items to trackers and refreshing their status from them
 * (server/src/http/exports.ts, trackerRefresh.ts, series.ts; client/src/features/export). The
 * server's integrations produce exactly these; tracker credentials never appear in them.
 */
import type { ActionItemStatus, ExternalRef, TrackerKind } from '../schema/records';

export type { ExternalRef, TrackerKind };

/** What the browser may know of a tracker: where it pushes, or why it cannot. */
export interface TrackerSummary {
  tracker: TrackerKind;
  state: 'configured' | 'invalid' | 'not-configured';
  destination?: string;
  problem?: string;
}

/** `GET /api/meetings/:id/trackers` (facilitators). */
export interface TrackerListResponse {
  trackers: TrackerSummary[];
}

/** What an action item becomes in a tracker, in tracker-neutral words, for the preview. */
export interface IssueDraft {
  title: string;
  /** The tracker identity the owner maps to (login, accountId, user id), or null. */
  assignee: string | null;
  /** The owner has a name but no mapping, so the description names them instead. */
  ownerUnmapped: boolean;
  dueDate: string | null;
  labels: string[];
}

/** The request that creates one issue, without credentials (safe to show in a preview). */
export interface PreparedRequest {
  method: 'POST';
  url: string;
  body: unknown;
}

export type PushSkipReason = 'already_exported' | 'dropped';

export interface PushPreviewItem {
  actionItemId: string;
  title: string;
  action: 'create' | 'skip';
  skipReason?: PushSkipReason;
  /** The issue this item already has in the tracker. */
  existingRef?: ExternalRef;
  /** What will be created (only for action "create"). */
  draft?: IssueDraft;
  /** The exact request that will be sent, without credentials. */
  request?: PreparedRequest;
}

/** `GET /api/meetings/:id/trackers/:tracker/preview`: what a push would create where; sends nothing. */
export interface PushPreview {
  tracker: TrackerKind;
  destination: string;
  items: PushPreviewItem[];
  toCreate: number;
}

export type PushOutcome =
  | { actionItemId: string; title: string; status: 'created'; ref: ExternalRef; attempts: number; recovered?: true }
  | { actionItemId: string; title: string; status: 'skipped'; reason: PushSkipReason; ref?: ExternalRef }
  | { actionItemId: string; title: string; status: 'failed'; reason: string; httpStatus: number | null; attempts: number };

/** `POST /api/meetings/:id/trackers/:tracker/push`: the issues created, and the keys written back. */
export interface PushReport {
  tracker: TrackerKind;
  destination: string;
  outcomes: PushOutcome[];
  created: number;
  skipped: number;
  failed: number;
  /** Created issues whose key could not be written back to the action item (see `reason`). */
  notRecorded: Array<{ actionItemId: string; ref: ExternalRef; reason: string }>;
}

/** What a tracker says of an issue. */
export type TrackerState = 'done' | 'dropped' | 'open';

export interface RefreshedItem {
  actionItemId: string;
  title: string;
  tracker: TrackerKind;
  key: string;
  /** What the tracker says, or 'error'. */
  trackerState: TrackerState | 'error';
  /** The status written here, when it changed. */
  changedTo?: ActionItemStatus;
  error?: string;
}

/** `POST /api/meetings/:id/trackers/refresh` (facilitators): one meeting's exported items refreshed. */
export interface RefreshReport {
  meetingId: string;
  checked: number;
  changed: number;
  failed: number;
  /** Copies of carried chains in other meetings closed along. */
  closedCopies: number;
  items: RefreshedItem[];
}

/** `POST /api/series/:id/refresh` (the workspace admin): every meeting of the series refreshed. */
export interface RefreshSummary {
  checked: number;
  changed: number;
  failed: number;
  meetings: RefreshReport[];
}
