import type { Series } from '@suishin/shared';
import { apiRequest as request } from '../series/apiRequest';
import { queryOf } from '../archive/archiveApi';

/** `GET /api/dashboard` (server/src/followThrough/dashboard.ts). */
export interface DashboardData {
  series: Series | null;
  department: string | null;
  today: string;
  meetings: Array<{ meetingId: string; title: string; heldOn: string | null; opened: number; closed: number; closedOnTime: number; closedLate: number; decisions: number; plannedSeconds: number; actualSeconds: number; overrunSeconds: number }>;
  totals: { opened: number; closed: number; closedOnTime: number; closedLate: number; open: number; overdue: number; completionRate: number | null; decisions: number; superseded: number };
  overdueByOwner: Array<{ owner: string; department: string; count: number }>;
  overdueByDepartment: Array<{ department: string; count: number }>;
  overdueItems: Array<{ meetingId: string; actionItemId: string; title: string; owner: string; department: string; dueDate: string }>;
  carriedTopics: Array<{ title: string; survived: number; firstHeldOn: string | null; lastHeldOn: string | null }>;
  supersededDecisions: Array<{ meetingId: string; decisionId: string; text: string; supersededBy: string }>;
  kpiTrends: Array<{ name: string; unit: string; direction: string; points: Array<{ meetingId: string; heldOn: string | null; actual: number | null; target: number | null }> }>;
}

export function loadDashboard(scope: { series?: string; department?: string }): Promise<DashboardData> {
  return request(`/api/dashboard${queryOf(scope)}`);
}
