import type { ApiErrorBody } from '@suishin/shared';
import { ApiError } from '../meetings/meetingsApi';

/** Dispatched on `window` when the server answers 401 (same event name as the access feature listens to). */
const UNAUTHORIZED_EVENT = 'suishin:unauthorized';

/** A JSON request to the API with the session cookie (same origin); non-2xx answers throw ApiError. */
export async function apiRequest<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(path, {
    ...init,
    credentials: 'same-origin',
    headers: { accept: 'application/json', ...(init?.body ? { 'content-type': 'application/json' } : {}) },
  });
  if (response.status === 204) return undefined as T;
  if (!response.ok) {
    if (response.status === 401) window.dispatchEvent(new Event(UNAUTHORIZED_EVENT));
    const body = (await response.json().catch(() => null)) as ApiErrorBody | null;
    throw new ApiError(response.status, body?.error.code ?? 'internal', body?.error.message ?? response.statusText, body?.error.field);
  }
  return (await response.json()) as T;
}
