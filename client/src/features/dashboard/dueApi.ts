import { apiRequest as request } from '../series/apiRequest';

/** One row of `GET /api/action-items/due`. */
export interface DueItem {
  meetingId: string;
  meetingTitle: string;
  actionItemId: string;
  title: string;
  owner: string;
  department: string;
  dueDate: string;
  overdue: boolean;
}

export function loadDue(days = 7): Promise<{ today: string; items: DueItem[] }> {
  return request(`/api/action-items/due?days=${days}`);
}
