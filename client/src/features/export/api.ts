import type { ApiErrorBody, TrackerKind } from '@suishin/shared';

/** A non-2xx answer from the closing and export routes, with any extra fields of the body. */
export class RequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly body: Record<string, unknown> | null,
  ) {
    super(message);
  }
}

export async function requestJson<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(path, { ...init, headers: { accept: 'application/json', ...init?.headers } });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as (ApiErrorBody & Record<string, unknown>) | null;
    throw new RequestError(response.status, body?.error?.code ?? 'internal', body?.error?.message ?? response.statusText, body);
  }
  return (await response.json()) as T;
}

const meetingPath = (meetingId: string) => `/api/meetings/${encodeURIComponent(meetingId)}`;

/** The download URL of one export (formats: shared's registry). */
export function exportUrl(meetingId: string, formatId: string, options: { language?: 'ja' | 'en'; inline?: boolean } = {}): string {
  const query = new URLSearchParams();
  if (options.language) query.set('language', options.language);
  if (options.inline) query.set('disposition', 'inline');
  const search = query.toString();
  return `${meetingPath(meetingId)}/export/${encodeURIComponent(formatId)}${search ? `?${search}` : ''}`;
}

export interface TrackerSummary {
  tracker: TrackerKind;
  state: 'configured' | 'invalid' | 'not-configured';
  destination?: string;
  problem?: string;
}

export function listTrackers(meetingId: string): Promise<{ trackers: TrackerSummary[] }> {
  return requestJson(`${meetingPath(meetingId)}/trackers`);
}

export interface PreviewItem {
  actionItemId: string;
  title: string;
  action: 'create' | 'skip';
  skipReason?: 'already_exported' | 'dropped';
  existingRef?: { tracker: TrackerKind; key: string; url: string };
  draft?: { title: string; assignee: string | null; ownerUnmapped: boolean; dueDate: string | null; labels: string[] };
}

export interface PushPreview {
  tracker: TrackerKind;
  destination: string;
  items: PreviewItem[];
  toCreate: number;
}

export type PushOutcome =
  | { actionItemId: string; title: string; status: 'created'; ref: { key: string; url: string } }
  | { actionItemId: string; title: string; status: 'skipped'; reason: 'already_exported' | 'dropped'; ref?: { key: string; url: string } }
  | { actionItemId: string; title: string; status: 'failed'; reason: string };

export interface PushReport {
  tracker: TrackerKind;
  destination: string;
  outcomes: PushOutcome[];
  created: number;
  skipped: number;
  failed: number;
  notRecorded: Array<{ actionItemId: string; reason: string }>;
}

export function previewPush(meetingId: string, tracker: TrackerKind): Promise<PushPreview> {
  return requestJson(`${meetingPath(meetingId)}/trackers/${tracker}/preview`);
}

export function pushToTracker(meetingId: string, tracker: TrackerKind): Promise<PushReport> {
  return requestJson(`${meetingPath(meetingId)}/trackers/${tracker}/push`, { method: 'POST' });
}

/** Ends the meeting on the server (checklist checked there too); 409 lists the open gaps. */
export function endMeetingOnServer(meetingId: string): Promise<unknown> {
  return requestJson(`${meetingPath(meetingId)}/end`, { method: 'POST' });
}

export const TRACKER_NAMES: Record<TrackerKind, string> = { github: 'GitHub', jira: 'Jira', linear: 'Linear' };
