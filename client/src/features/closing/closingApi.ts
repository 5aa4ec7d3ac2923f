import type { EndMeetingResponse } from '@suishin/shared/protocol';
import { request } from '../../api/request';

/** Ends the meeting on the server, which checks the checklist again; a 409 (ApiError) when gaps are open. */
export function endMeetingOnServer(meetingId: string): Promise<EndMeetingResponse> {
  return request(`/api/meetings/${encodeURIComponent(meetingId)}/end`, { method: 'POST' });
}
