import type { MeetingStatus } from '@suishin/shared';
import { apiRequest as request } from '../series/apiRequest';

/** One row of `GET /api/archive`. */
export interface ArchiveEntry {
  id: string;
  title: string;
  status: MeetingStatus;
  seriesId: string | null;
  departments: string[];
  /** "YYYY-MM-DD", the day it was held (or scheduled). */
  heldOn: string | null;
  scheduledStart: string | null;
  updatedAt: string;
}

export interface ArchiveFilters {
  series?: string;
  department?: string;
  from?: string;
  to?: string;
  status?: string;
}

/** A query string of the non-empty values. */
export function queryOf(values: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value) params.set(key, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}

export async function listArchive(filters: ArchiveFilters): Promise<ArchiveEntry[]> {
  return (await request<{ meetings: ArchiveEntry[] }>(`/api/archive${queryOf({ ...filters })}`)).meetings;
}
