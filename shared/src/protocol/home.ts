/** `GET /api/home`: what needs the signed-in person now, bounded whatever the workspace's age. */
import type { MeetingListEntry } from './archive';
import type { MatchCount } from './paging';
import type { ActionItemEntry } from './registers';

export interface HomeResponse {
  today: string;
  /** Running now. */
  live: MeetingListEntry[];
  /** Not started yet and dated from yesterday on, soonest first. */
  upcoming: MeetingListEntry[];
  /** Not started and not dated yet, newest first. */
  drafts: MeetingListEntry[];
  /** The last few ended meetings, newest first. */
  recent: MeetingListEntry[];
  counts: { live: MatchCount; drafts: MatchCount; ended: MatchCount };
  /** Open items owned by the signed-in person's name; null when the session has no name. */
  mine: { owner: string; items: ActionItemEntry[]; total: MatchCount } | null;
  /** Open items overdue or due within 7 days, overdue first. */
  due: { items: ActionItemEntry[]; overdue: MatchCount; dueSoon: MatchCount };
}

export const HOME_LIMITS = { live: 10, upcoming: 8, drafts: 5, recent: 5, mine: 8, due: 8 } as const;
