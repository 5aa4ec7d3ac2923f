import type { ApiErrorBody, MeetingStatus } from '@suishin/shared';

/** One row of `GET /api/meetings`. */
export interface MeetingSummary {
  id: string;
  title: string;
  status: MeetingStatus;
  scheduledStart: string | null;
  createdAt: string | number;
  updatedAt: string | number;
}

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

async function request<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(path, {
    ...init,
    headers: { accept: 'application/json', ...(init?.body ? { 'content-type': 'application/json' } : {}) },
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as ApiErrorBody | null;
    throw new ApiError(response.status, body?.error.code ?? 'internal', body?.error.message ?? response.statusText, body?.error.field);
  }
  return (await response.json()) as T;
}

export async function listMeetings(): Promise<MeetingSummary[]> {
  const body = await request<MeetingSummary[] | { meetings: MeetingSummary[] }>('/api/meetings');
  return Array.isArray(body) ? body : body.meetings;
}

export function createMeeting(input: CreateMeetingInput): Promise<{ id: string }> {
  return request('/api/meetings', { method: 'POST', body: JSON.stringify(input) });
}
