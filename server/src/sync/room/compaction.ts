import type { Logger } from '../../logger';
import type { MeetingStore } from '../../persistence/store';

/**
 * Folding a room's update log into a snapshot. The room says exactly which log rows its document
 * contains (the tail it loaded, and every update it applied since), and the store drops only
 * those: a row some other writer appended is never lost to a snapshot that does not contain it.
 * The snapshot replaces the one the room's document was built on, or nothing (MeetingStore.compact).
 */
export class Compaction {
  /** Log rows (seqs) the document contains and the stored snapshot does not. */
  private contained: number[];
  /** upto_seq of the stored snapshot the document was built on. */
  private basedOn: number;
  private running = false;

  constructor(
    private readonly meetingId: string,
    private readonly store: MeetingStore,
    private readonly logger: Logger,
    private readonly afterUpdates: number,
    loaded: { snapshotUptoSeq: number; tailSeqs: number[] },
  ) {
    this.basedOn = loaded.snapshotUptoSeq;
    this.contained = [...loaded.tailSeqs];
  }

  /** Updates now in the document (durable, in the log under these seqs). */
  noteApplied(seqs: readonly number[]) {
    for (const seq of seqs) this.contained.push(seq);
  }

  get due(): boolean {
    return this.contained.length >= this.afterUpdates;
  }

  /**
   * Stores `snapshot` (the document now: it must contain every noted update) and drops the rows
   * folded into it. Call with nothing in flight.
   */
  async run(snapshot: Uint8Array) {
    if (this.running || this.contained.length === 0) return;
    this.running = true;
    const folded = this.contained.slice();
    try {
      const upto = await this.store.compact(this.meetingId, snapshot, { replaces: this.basedOn, contains: folded });
      if (upto === null) {
        this.logger.warn('compaction skipped: the stored snapshot was replaced by another writer', { meetingId: this.meetingId });
        return;
      }
      this.basedOn = upto;
      const done = new Set(folded);
      this.contained = this.contained.filter((seq) => !done.has(seq));
    } catch (error) {
      this.logger.error('compaction failed', { meetingId: this.meetingId, error });
    } finally {
      this.running = false;
    }
  }
}
