import type { HomeResponse } from '@suishin/shared/protocol';
import { request } from '../../api/request';

/** `GET /api/home`: live, upcoming and recent meetings and the caller's items, each list bounded. */
export function loadHome(): Promise<HomeResponse> {
  return request('/api/home');
}
