import type { Dashboard, DashboardMeetingsPage, DashboardQuery, QueryParams } from '@suishin/shared/protocol';
import { queryOf } from '../../api/query';
import { request } from '../../api/request';

/** Exactly one of series / department; without from / to, the server's default (the last 12 months by month). As the URL carries it. */
export type DashboardParams = QueryParams<DashboardQuery>;

export function loadDashboard(query: DashboardParams): Promise<Dashboard> {
  return request(`/api/dashboard${queryOf({ ...query })}`);
}

/** One page of the per-meeting figures of the same scope and range. */
export function fetchDashboardMeetings(query: DashboardParams, cursor: string | null): Promise<DashboardMeetingsPage> {
  const { period: _period, ...scope } = query;
  return request(`/api/dashboard/meetings${queryOf({ ...scope, cursor })}`);
}
