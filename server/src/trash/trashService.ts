/**
 * The trash: the admin deletes a meeting by mistake and can take it back. Deleting keeps the
 * document and everything stored with it (store.trashMeeting only marks it), closes its sockets
 * with CloseCode.meetingDeleted and removes its projected rows (lists, search, dashboards and
 * follow-through are projections, so it vanishes from all of them at once). Restoring unmarks it
 * and projects it again from the same document: it comes back exactly as it was. Purging, by the
 * admin or TRASH_DAYS after the deletion, removes the document rows, the ratings and the
 * projections for good. Every step is in the audit log.
 *
 * `trashed` is the set of trashed ids, read synchronously by the routes, the sync endpoint and the
 * projector (a projection written late for a meeting just deleted is dropped, not listed).
 */
import type { AuditActor, TrashEntry } from '@suishin/shared/protocol';
import type { AuditTrail } from '../audit/auditTrail';
import type { Logger } from '../logger';
import type { MeetingDocuments } from '../meetings/meetingDocuments';
import { MeetingNotFoundError, TrashStateError, type MeetingStore, type TrashedMeeting } from '../persistence/store';
import type { MeetingProjector } from '../projections/meetingProjector';
import { projectStoredMeeting } from '../projections/rebuild';
import type { RatingStore } from '../series/ratingStore';
import type { Rooms } from '../sync/rooms';
import { CloseCode } from '@suishin/shared';

const DAY_MS = 86_400_000;

export interface TrashServiceDeps {
  store: MeetingStore;
  rooms: Rooms;
  documents: MeetingDocuments;
  projector: MeetingProjector;
  ratings: RatingStore;
  audit: AuditTrail;
  logger: Logger;
  trashDays: number;
  /** The ids in the trash, shared with whoever must not show them (kept in step here). */
  trashed: Set<string>;
  now?: () => number;
}

/** Who asked, for the audit log and the trash's "deleted by". */
export interface TrashActor {
  actor: AuditActor | null;
  from?: { address: string | null; userAgent: string | null } | null;
}

export class TrashService {
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly deps: TrashServiceDeps) {}

  private now(): number {
    return (this.deps.now ?? Date.now)();
  }

  isTrashed(meetingId: string): boolean {
    return this.deps.trashed.has(meetingId);
  }

  /** Reads the trash into the shared set, purges what is past TRASH_DAYS, then again every hour. */
  async start(): Promise<void> {
    for (const t of await this.deps.store.listTrash()) this.deps.trashed.add(t.row.id);
    await this.purgeExpired();
    this.timer = setInterval(() => void this.purgeExpired(), DAY_MS / 24);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Whether the meeting is stored at all (in the trash or not). */
  async exists(meetingId: string): Promise<boolean> {
    return (await this.deps.store.getMeetingRow(meetingId)) !== null;
  }

  async list(): Promise<TrashEntry[]> {
    return (await this.deps.store.listTrash()).map((t) => this.toEntry(t));
  }

  /** Moves the meeting to the trash. Throws MeetingNotFoundError / TrashStateError (changing nothing). */
  async delete(meetingId: string, by: TrashActor): Promise<TrashEntry> {
    const row = await this.deps.store.getMeetingRow(meetingId);
    if (!row) throw new MeetingNotFoundError(meetingId);
    const deletedAt = this.now();
    await this.deps.store.trashMeeting(meetingId, deletedAt, by.actor?.name ?? null);
    this.deps.trashed.add(meetingId);
    const room = this.deps.rooms.peek(meetingId);
    for (const conn of [...(room?.connections ?? [])]) conn.close(CloseCode.meetingDeleted, 'this meeting was deleted');
    await this.deps.projector.remove(meetingId);
    await this.deps.audit.record('meetingDeleted', { meetingId, actor: by.actor, from: by.from ?? null, detail: { title: row.title } });
    return this.toEntry({ row, deletedAt, deletedBy: by.actor?.name ?? null });
  }

  /** Takes the meeting back out, as it was, and projects it again from its document. */
  async restore(meetingId: string, by: TrashActor): Promise<void> {
    const row = await this.deps.store.getMeetingRow(meetingId);
    if (!row) throw new MeetingNotFoundError(meetingId);
    await this.deps.store.untrashMeeting(meetingId);
    this.deps.trashed.delete(meetingId);
    await projectStoredMeeting(this.deps.documents, this.deps.projector, meetingId, row.createdAt);
    await this.deps.audit.record('meetingRestored', { meetingId, actor: by.actor, from: by.from ?? null, detail: { title: row.title } });
  }

  /** Removes a trashed meeting for good: document rows, ratings, projections. */
  async purge(meetingId: string, by: TrashActor, reason: 'admin' | 'retention' = 'admin'): Promise<void> {
    const row = await this.deps.store.getMeetingRow(meetingId);
    if (!row) throw new MeetingNotFoundError(meetingId);
    if (!this.isTrashed(meetingId)) throw new TrashStateError(meetingId, false);
    await this.deps.rooms.closeMeeting(meetingId, CloseCode.meetingDeleted, 'this meeting was deleted');
    await this.deps.store.purgeMeeting(meetingId);
    this.deps.trashed.delete(meetingId);
    await this.deps.ratings.removeMeeting(meetingId);
    await this.deps.projector.remove(meetingId);
    await this.deps.audit.record('meetingPurged', { meetingId, actor: by.actor, from: by.from ?? null, detail: { title: row.title, reason } });
  }

  /** Purges every meeting deleted more than TRASH_DAYS ago; a failure is logged and retried next time. */
  async purgeExpired(): Promise<number> {
    const before = this.now() - this.deps.trashDays * DAY_MS;
    let purged = 0;
    for (const t of await this.deps.store.listTrash()) {
      if (t.deletedAt > before) continue;
      try {
        await this.purge(t.row.id, { actor: null }, 'retention');
        purged++;
      } catch (error) {
        this.deps.logger.error('purging a meeting past TRASH_DAYS failed', { meetingId: t.row.id, error });
      }
    }
    return purged;
  }

  private toEntry(t: TrashedMeeting): TrashEntry {
    return {
      meetingId: t.row.id,
      title: t.row.title,
      status: t.row.status,
      deletedAt: new Date(t.deletedAt).toISOString(),
      purgeAt: new Date(t.deletedAt + this.deps.trashDays * DAY_MS).toISOString(),
      deletedBy: t.deletedBy,
    };
  }
}
