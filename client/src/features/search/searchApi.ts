import type { QueryParams, SearchHit, SearchPage, SearchQuery } from '@suishin/shared/protocol';
import { queryOf } from '../../api/query';
import { request } from '../../api/request';

/** The search's words and filters as the URL carries them. */
export type SearchFilters = QueryParams<Omit<SearchQuery, 'cursor'>> & { q: string };

/** One page of `GET /api/search` (the next with the previous page's nextCursor). */
export function fetchSearch(filters: SearchFilters, cursor: string | null): Promise<SearchPage> {
  return request(`/api/search${queryOf({ ...filters, cursor })}`);
}

export interface HitGroup {
  meetingId: string;
  meetingTitle: string;
  heldOn: string | null;
  hits: SearchHit[];
}

/** Hits grouped by meeting, in the order the meetings first appear (best hit first). */
export function groupByMeeting(hits: SearchHit[]): HitGroup[] {
  const groups = new Map<string, HitGroup>();
  for (const hit of hits) {
    let group = groups.get(hit.meetingId);
    if (!group) groups.set(hit.meetingId, (group = { meetingId: hit.meetingId, meetingTitle: hit.meetingTitle, heldOn: hit.heldOn, hits: [] }));
    group.hits.push(hit);
  }
  return [...groups.values()];
}
