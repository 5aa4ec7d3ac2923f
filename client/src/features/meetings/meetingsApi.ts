import type { ApiErrorBody } from '@suishin/shared';

export interface CreateMeetingInput {
  title: string;
  scheduledStart?: string;
  place?: string;
  departments?: string[];
  language?: 'ja' | 'en';
}

/** A non-2xx answer, carrying the server's error code and offending field. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** Dispatched on `window` when the server answers 401: the session is gone (expired, signed out, secret replaced). */
export const UNAUTHORIZED_EVENT = 'suishin:unauthorized';

/** A JSON request to the API with the session cookie (same origin); non-2xx answers throw ApiError. */
export async function request<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(path, {
    ...init,
    credentials: 'same-origin',
    headers: { accept: 'application/json', ...(init?.body ? { 'content-type': 'application/json' } : {}) },
  });
  if (response.status === 204) return undefined as T;
  if (!response.ok) {
    // Signing in itself answers 401 for a bad link: that is the sign-in page's to show, not a lost session.
    if (response.status === 401 && !(path === '/api/session' && init?.method === 'POST')) {
      window.dispatchEvent(new Event(UNAUTHORIZED_EVENT));
    }
    const body = (await response.json().catch(() => null)) as ApiErrorBody | null;
    throw new ApiError(response.status, body?.error.code ?? 'internal', body?.error.message ?? response.statusText, body?.error.field);
  }
  return (await response.json()) as T;
}

export function createMeeting(input: CreateMeetingInput): Promise<{ id: string }> {
  return request('/api/meetings', { method: 'POST', body: JSON.stringify(input) });
}
