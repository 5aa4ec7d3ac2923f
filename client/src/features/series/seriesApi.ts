import type { NextMeetingResponse, Series, SeriesDetailResponse, SeriesInput, SeriesMeetingSummary, SeriesPatch } from '@suishin/shared';
import { apiRequest as request } from './apiRequest';

export type { Series, SeriesMeetingSummary };
export type SeriesDetail = SeriesDetailResponse;
export type NextMeetingResult = NextMeetingResponse;

export interface RefreshResult {
  checked: number;
  changed: number;
  failed: number;
}

export async function listSeries(): Promise<Series[]> {
  return (await request<{ series: Series[] }>('/api/series')).series;
}

export function getSeries(id: string): Promise<SeriesDetail> {
  return request(`/api/series/${encodeURIComponent(id)}`);
}

export function createSeries(input: SeriesInput): Promise<Series> {
  return request('/api/series', { method: 'POST', body: JSON.stringify(input) });
}

export function updateSeries(id: string, patch: SeriesPatch): Promise<Series> {
  return request(`/api/series/${encodeURIComponent(id)}`, { method: 'PATCH', body: JSON.stringify(patch) });
}

export function nextMeeting(id: string): Promise<NextMeetingResult> {
  return request(`/api/series/${encodeURIComponent(id)}/next`, { method: 'POST', body: '{}' });
}

export function refreshSeriesTrackers(id: string): Promise<RefreshResult> {
  return request(`/api/series/${encodeURIComponent(id)}/refresh`, { method: 'POST', body: '{}' });
}
