/** The trash (GET /api/admin/trash and its actions): meetings the admin deleted, until restored or purged. */
import type { MeetingStatus } from '../schema/records';

export interface TrashEntry {
  meetingId: string;
  title: string;
  status: MeetingStatus;
  /** ISO times: when it was deleted, and when it will be purged (TRASH_DAYS later). */
  deletedAt: string;
  purgeAt: string;
  deletedBy: string | null;
}

export interface TrashList {
  entries: TrashEntry[];
  trashDays: number;
}

/** DELETE /api/admin/trash/:id: the meeting's title typed again (its id when it has none). */
export interface PurgeRequest {
  confirm: string;
}
