import type { FollowThrough, GrantSource } from '../followThrough/followThrough';
import type { HistoryReads } from '../projections/historyReads';
import type { CursorCodec } from './cursorCodec';

/** What the history routes (home, archive, search, registers, dashboards) are built from. */
export interface HistoryRouteDeps {
  reads: HistoryReads;
  cursors: CursorCodec;
  followThrough: FollowThrough;
  auth?: GrantSource;
}
