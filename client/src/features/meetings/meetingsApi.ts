import type { CreateMeetingRequest, CreateMeetingResponse } from '@suishin/shared/protocol';
import { request } from '../../api/request';

/** `POST /api/meetings` (the workspace admin). */
export function createMeeting(input: CreateMeetingRequest): Promise<CreateMeetingResponse> {
  return request('/api/meetings', { method: 'POST', body: input });
}
