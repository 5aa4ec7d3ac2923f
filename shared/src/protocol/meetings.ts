/**
 * REST shapes of /api/meetings (server/src/http/meetings.ts): create a meeting, read one. The
 * list for scripts (`GET /api/meetings`) is MeetingSummaryPage in archive.ts.
 */
import type { MeetingInit } from '../schema/validators';
import type { MeetingView } from '../view/meetingView';
import type { MeetingSummary } from './archive';

/** `POST /api/meetings` (the workspace admin): checked by schema's meetingInitSchema. */
export type CreateMeetingRequest = MeetingInit;

/** 201: the new meeting's summary, and its view. */
export interface CreateMeetingResponse extends MeetingSummary {
  meeting: MeetingView;
}

/** `GET /api/meetings/:id`: the meeting as plain JSON (its document's view). */
export type MeetingViewResponse = MeetingView;
