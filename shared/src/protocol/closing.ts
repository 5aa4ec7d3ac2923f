/**
 * REST shapes of the closing checklist and of ending a meeting (server/src/http/closing.ts).
 */
import type { ClosingChecklist, ClosingGap } from '../closing/checklist';
import type { ClosingNotes } from '../model/closingNotes';
import type { MeetingStatus } from '../schema/records';
import type { MeetingView } from '../view/meetingView';
import type { ApiErrorBody } from './errors';

/** `GET /api/meetings/:id/closing`: the checklist as the server sees the meeting's durable state. */
export interface ClosingStateResponse {
  checklist: ClosingChecklist;
  notes: ClosingNotes;
  status: MeetingStatus;
}

/** `POST /api/meetings/:id/end` (facilitators): the ended meeting and the checklist it ended with. */
export interface EndMeetingResponse {
  meeting: MeetingView;
  checklist: ClosingChecklist;
}

/** What a refusal of the closing and export routes adds to the error body. */
export interface ClosingRefusalDetails {
  /** 409 of `POST /end`: the gaps still open. */
  openGaps?: ClosingGap[];
}

/** A non-2xx answer of the closing and export routes. */
export type ClosingRefusal = ApiErrorBody & ClosingRefusalDetails;
