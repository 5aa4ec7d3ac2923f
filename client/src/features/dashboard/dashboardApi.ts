import type { Dashboard, DashboardMeetingsPage, DashboardPeriod } from '@suishin/shared/protocol';
import { apiRequest as request } from '../series/apiRequest';
import { queryOf } from '../archive/archiveApi';

export type DashboardData = Dashboard;
export type { DashboardPeriod };

/** Exactly one of series / department; without from / to, the server's default (the last 12 months by month). */
export interface DashboardQuery {
  series?: string;
  department?: string;
  from?: string;
  to?: string;
  period?: string;
}

export function loadDashboard(query: DashboardQuery): Promise<DashboardData> {
  return request(`/api/dashboard${queryOf({ ...query })}`);
}

/** One page of the per-meeting figures of the same scope and range. */
export function fetchDashboardMeetings(query: DashboardQuery, cursor: string | null): Promise<DashboardMeetingsPage> {
  const { period: _period, ...scope } = query;
  return request(`/api/dashboard/meetings${queryOf({ ...scope, cursor })}`);
}
