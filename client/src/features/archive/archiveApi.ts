import type { ArchivePage, MeetingListEntry } from '@suishin/shared/protocol';
import { apiRequest as request } from '../series/apiRequest';

export type { ArchivePage, MeetingListEntry };

export interface ArchiveFilters {
  series?: string;
  department?: string;
  from?: string;
  to?: string;
  status?: string;
}

/** A query string of the non-empty values. */
export function queryOf(values: Record<string, string | number | null | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** One page of `GET /api/archive`: the first without a cursor, the next with the previous page's nextCursor. */
export function fetchArchive(filters: ArchiveFilters, cursor: string | null): Promise<ArchivePage> {
  return request(`/api/archive${queryOf({ ...filters, cursor })}`);
}

/** A meeting as the archive lists it (the series page uses it too). */
export type ArchiveEntry = MeetingListEntry;

/** The first page only (the newest meetings): for the series page's list. */
export async function listArchive(filters: ArchiveFilters): Promise<MeetingListEntry[]> {
  return (await fetchArchive(filters, null)).meetings;
}
