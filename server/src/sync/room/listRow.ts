import type * as Y from 'yjs';
import { getMeta } from '@suishin/shared';
import type { Logger } from '../../logger';
import type { MeetingProjection, MeetingStore } from '../../persistence/store';

/**
 * The meeting's row in the meetings list (title, status, scheduled start), kept in step with its
 * document: refreshed a moment after durable edits (merged), at once when asked (the end of a
 * meeting), and before the room unloads. Written only when one of those fields changed.
 */
export class ListRow {
  private written: MeetingProjection;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly meetingId: string,
    private readonly doc: Y.Doc,
    private readonly store: MeetingStore,
    private readonly logger: Logger,
    private readonly delayMs: number,
    /** After a write: the meeting's followers (the projection's listing) see the new row. */
    private readonly onWritten: (row: MeetingProjection) => Promise<void> | undefined,
  ) {
    this.written = listRowOf(doc);
  }

  /** The status as last written (the room tells connections an ended meeting is read-only by it). */
  get status() {
    return this.written.status;
  }

  schedule() {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.refresh();
    }, this.delayMs);
    this.timer.unref();
  }

  async refresh() {
    const next = listRowOf(this.doc);
    const prev = this.written;
    if (next.title === prev.title && next.status === prev.status && next.scheduledStart === prev.scheduledStart) return;
    this.written = next;
    try {
      await this.store.updateProjection(this.meetingId, next);
    } catch (error) {
      this.written = prev;
      this.logger.error('refreshing the meeting row failed', { meetingId: this.meetingId, error });
      return;
    }
    await this.onWritten(next);
  }

  cancel() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}

function listRowOf(doc: Y.Doc): MeetingProjection {
  const meta = getMeta(doc);
  return { title: meta.title, status: meta.status, scheduledStart: meta.scheduledStart };
}
