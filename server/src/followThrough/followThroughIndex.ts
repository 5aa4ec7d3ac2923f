/**
 * The follow-through index: what search, the registers and the series read beside the projection
 * tables, derived from ended meetings (search rows, carry links, series membership, action item
 * chains) and rebuilt with them. SQLite: projections/sqlite/sqliteFollowThroughIndex.ts; the
 * contract every adapter keeps is testing/contracts/followThroughIndexContract.ts.
 */
import type { CarryOrigin } from '@suishin/shared';
import type { MeetingRecord } from '../projections/meetingRecord';

/** One action item of one meeting. */
export interface ItemRef {
  meetingId: string;
  actionItemId: string;
}

export interface FollowThroughIndex {
  /** Replaces everything derived from one ended meeting: its record and the carry origins of its document. */
  indexMeeting(record: MeetingRecord, carried: ReadonlyMap<string, CarryOrigin>): Promise<void>;
  removeMeeting(meetingId: string): Promise<void>;
  /** Empties every derived row (the first step of a rebuild). */
  clear(): Promise<void>;
  /** The meeting belongs to the series (null: to none). */
  linkSeriesMeeting(meetingId: string, seriesId: string | null, createdAt: number): Promise<void>;
  /** Replaces where the meeting's carried action items came from. */
  setCarryLinks(meetingId: string, carried: ReadonlyMap<string, CarryOrigin>): Promise<void>;
  /** Every carried copy of the chain whose first item is `root` (not `root` itself). */
  carriedCopies(root: ItemRef): Promise<ItemRef[]>;
  /** The meetings of a series: linked to it, or projected with it as their series. */
  seriesMeetingIds(seriesId: string): Promise<string[]>;
  /** True when the derived tables were just created or upgraded: their rows must be rebuilt. */
  readonly needsRebuild: boolean;
}
