import type { PushPreview, PushReport, TrackerKind, TrackerListResponse } from '@suishin/shared/protocol';
import { request } from '../../api/request';

const meetingPath = (meetingId: string) => `/api/meetings/${encodeURIComponent(meetingId)}`;

/** The download URL of one export (formats: shared's registry). */
export function exportUrl(meetingId: string, formatId: string, options: { language?: 'ja' | 'en'; inline?: boolean } = {}): string {
  const query = new URLSearchParams();
  if (options.language) query.set('language', options.language);
  if (options.inline) query.set('disposition', 'inline');
  const search = query.toString();
  return `${meetingPath(meetingId)}/export/${encodeURIComponent(formatId)}${search ? `?${search}` : ''}`;
}

export function listTrackers(meetingId: string): Promise<TrackerListResponse> {
  return request(`${meetingPath(meetingId)}/trackers`);
}

export function previewPush(meetingId: string, tracker: TrackerKind): Promise<PushPreview> {
  return request(`${meetingPath(meetingId)}/trackers/${tracker}/preview`);
}

export function pushToTracker(meetingId: string, tracker: TrackerKind): Promise<PushReport> {
  return request(`${meetingPath(meetingId)}/trackers/${tracker}/push`, { method: 'POST' });
}

export const TRACKER_NAMES: Record<TrackerKind, string> = { github: 'GitHub', jira: 'Jira', linear: 'Linear' };
