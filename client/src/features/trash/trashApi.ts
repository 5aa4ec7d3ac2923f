import type { TrashEntry, TrashList } from '@suishin/shared/protocol';
import { request } from '../../api/request';

/** The trash's REST calls (server/src/http/trash.ts), all the workspace admin's. */
export const loadTrash = (): Promise<TrashList> => request('/api/admin/trash');
export const deleteMeeting = (meetingId: string): Promise<TrashEntry> => request(`/api/meetings/${encodeURIComponent(meetingId)}`, { method: 'DELETE' });
export const restoreMeeting = (meetingId: string): Promise<unknown> => request(`/api/admin/trash/${encodeURIComponent(meetingId)}/restore`, { method: 'POST' });
export const purgeMeeting = (meetingId: string, confirm: string): Promise<unknown> =>
  request(`/api/admin/trash/${encodeURIComponent(meetingId)}`, { method: 'DELETE', body: { confirm } });
