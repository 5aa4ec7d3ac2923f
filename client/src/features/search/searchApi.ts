import { apiRequest as request } from '../series/apiRequest';
import { queryOf } from '../archive/archiveApi';

import type { SearchHit, SnippetSegment } from '@suishin/shared/protocol';

export type { SearchHit, SnippetSegment };

export interface SearchFilters {
  q: string;
  series?: string;
  department?: string;
  from?: string;
  to?: string;
}

export async function search(filters: SearchFilters): Promise<SearchHit[]> {
  return (await request<{ hits: SearchHit[] }>(`/api/search${queryOf({ ...filters })}`)).hits;
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
