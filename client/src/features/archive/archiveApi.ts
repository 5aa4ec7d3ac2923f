import type { ArchivePage, ArchiveQuery, MeetingListEntry, QueryParams } from '@suishin/shared/protocol';
import { queryOf } from '../../api/query';
import { request } from '../../api/request';

/** The archive's filters as the URL carries them. */
export type ArchiveFilters = QueryParams<Omit<ArchiveQuery, 'cursor' | 'limit'>>;

/** One page of `GET /api/archive`: the first without a cursor, the next with the previous page's nextCursor. */
export function fetchArchive(filters: ArchiveFilters, cursor: string | null): Promise<ArchivePage> {
  return request(`/api/archive${queryOf({ ...filters, cursor })}`);
}

/** The first page only (the newest meetings): for the series page's list. */
export async function listArchive(filters: ArchiveFilters): Promise<MeetingListEntry[]> {
  return (await fetchArchive(filters, null)).meetings;
}
