import type { BodyHealthResponse, BodyRegistryResponse, RatingRequest, RatingResponse } from '@suishin/shared/protocol';
import { request } from '../../api/request';

export function listBodies(): Promise<BodyRegistryResponse> {
  return request('/api/bodies');
}

export function getBodyHealth(seriesId: string): Promise<BodyHealthResponse> {
  return request(`/api/series/${encodeURIComponent(seriesId)}/health`);
}

export function getRating(meetingId: string): Promise<RatingResponse> {
  return request(`/api/meetings/${encodeURIComponent(meetingId)}/rating`);
}

export function rateMeeting(meetingId: string, score: number): Promise<RatingResponse> {
  const body: RatingRequest = { score };
  return request(`/api/meetings/${encodeURIComponent(meetingId)}/rating`, { method: 'PUT', body });
}
