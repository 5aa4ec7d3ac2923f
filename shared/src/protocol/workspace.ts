/**
 * `GET /api/workspace`: settings of the whole workspace that every page needs to show things the
 * same way. The time zone also reaches each page before any request, in index.html's
 * `<meta name="suishin-time-zone">` (WORKSPACE_TIME_ZONE_META), so the first render already uses it.
 */
export interface WorkspaceSettings {
  /** The IANA zone of every time shown or written (minutes, CSV, ICS, brief), whatever the language. */
  timeZone: string;
  /** The environment variable it was set with; `default` when none was (Asia/Tokyo). */
  timeZoneSource: 'WORKSPACE_TIME_ZONE' | 'EXPORT_TIME_ZONE' | 'default';
}

export const WORKSPACE_TIME_ZONE_META = 'suishin-time-zone';
