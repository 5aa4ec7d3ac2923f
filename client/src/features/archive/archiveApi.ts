import type { ArchivePage, MeetingListEntry } from '@suishin/shared/protocol';
import { queryOf } from '../../api/query';
import { request } from '../../api/request';

export interface ArchiveFilters {
  series?: string;
  department?: string;
  from?: string;
  to?: string;
  status?: string;
}

/** One page of `GET /api/archive`: the first without a cursor, the next with the previous page's nextCursor. */
export function fetchArchive(filters: ArchiveFilters, cursor: string | null): Promise<ArchivePage> {
  return request(`/api/archive${queryOf({ ...filters, cursor })}`);
}

/** The first page only (the newest meetings): for the series page's list. */
export async function listArchive(filters: ArchiveFilters): Promise<MeetingListEntry[]> {
  return (await fetchArchive(filters, null)).meetings;
}
