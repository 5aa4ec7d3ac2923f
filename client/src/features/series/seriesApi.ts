import type {
  NextMeetingResponse,
  RefreshSummary,
  Series,
  SeriesDetailResponse,
  SeriesInput,
  SeriesListResponse,
  SeriesNextMeetingInput,
  SeriesPatch,
} from '@suishin/shared/protocol';
import { request } from '../../api/request';

export async function listSeries(): Promise<Series[]> {
  return (await request<SeriesListResponse>('/api/series')).series;
}

export function getSeries(id: string): Promise<SeriesDetailResponse> {
  return request(`/api/series/${encodeURIComponent(id)}`);
}

export function createSeries(input: SeriesInput): Promise<Series> {
  return request('/api/series', { method: 'POST', body: input });
}

export function updateSeries(id: string, patch: SeriesPatch): Promise<Series> {
  return request(`/api/series/${encodeURIComponent(id)}`, { method: 'PATCH', body: patch });
}

export function nextMeeting(id: string): Promise<NextMeetingResponse> {
  const body: SeriesNextMeetingInput = {};
  return request(`/api/series/${encodeURIComponent(id)}/next`, { method: 'POST', body });
}

export function refreshSeriesTrackers(id: string): Promise<RefreshSummary> {
  return request(`/api/series/${encodeURIComponent(id)}/refresh`, { method: 'POST', body: {} });
}
