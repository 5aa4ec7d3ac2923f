import type { FollowThrough } from '../followThrough/followThrough';
import type { GrantSource } from './visibility';
import type { HistoryReads } from '../projections/historyReads';
import type { CursorCodec } from './cursorCodec';

/** What the history routes (home, archive, search, registers, dashboards) are built from. */
export interface HistoryRouteDeps {
  reads: HistoryReads;
  cursors: CursorCodec;
  followThrough: FollowThrough;
  auth?: GrantSource;
}
