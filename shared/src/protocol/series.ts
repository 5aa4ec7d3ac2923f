/**
 * REST shapes of /api/series (server/src/http/series.ts, client/src/features/series/seriesApi.ts).
 * The series itself, its input and patch are declared with their validators in
 * shared/src/series/seriesTypes.ts.
 */
import type { MeetingStatus } from '../schema/records';
import type { Series } from '../series/seriesTypes';

/** The series, and the bodies of `POST /api/series`, `PATCH /api/series/:id` and `POST …/next` (types only). */
export type { Series, SeriesInput, SeriesNextMeetingInput, SeriesPatch } from '../series/seriesTypes';

/** One meeting of a series as its page lists it: told apart by its number and its own day. */
export interface SeriesMeetingSummary {
  id: string;
  title: string;
  status: MeetingStatus;
  /** 第12回 / #12: the stored number, else its place in the series (meetings made before numbering). */
  number: number | null;
  /** "YYYY-MM-DD" it was (or is to be) held on, in the workspace's zone; null when not scheduled. */
  heldOn: string | null;
  /** ISO date-time, or a bare day while the time is not fixed. */
  scheduledStart: string | null;
  place: string;
}

/** `GET /api/series`: the series the caller sees (a series appears with the meetings their grants open). */
export interface SeriesListResponse {
  series: Series[];
}

/** `GET /api/series/:id` (`POST /api/series` and `PATCH /api/series/:id` answer the Series alone). */
export interface SeriesDetailResponse extends Series {
  meetingIds: string[];
  /** Newest first. */
  meetings: SeriesMeetingSummary[];
}

/** `POST /api/series/:id/next`: 201 with a new meeting, 200 with the unstarted one made before. */
export interface NextMeetingResponse {
  meetingId: string;
  created: boolean;
  carried: number;
  number: number | null;
}
