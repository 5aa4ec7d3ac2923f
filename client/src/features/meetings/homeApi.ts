import type { ActionItemEntry, HomeResponse, MeetingListEntry } from '@suishin/shared/protocol';
import { request } from './meetingsApi';

export type { ActionItemEntry, HomeResponse, MeetingListEntry };

/** `GET /api/home`: live, upcoming and recent meetings and the caller's items, each list bounded. */
export function loadHome(): Promise<HomeResponse> {
  return request('/api/home');
}
