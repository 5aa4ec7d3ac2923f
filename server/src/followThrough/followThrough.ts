/**
 * Wiring of series, search and follow-through: the follow-through index and the series store (in
 * the documents' SQLite file, each behind its port), the projector that writes both projections
 * from a meeting's document, the history reads, and the series service.
 */
import type { Logger } from '../logger';
import type { MeetingDocuments } from '../meetings/meetingDocuments';
import type { MeetingStore } from '../persistence/store';
import { sqliteSeriesStore } from '../persistence/sqlite/sqliteSeriesStore';
import { sqliteRatingStore } from '../persistence/sqlite/sqliteRatingStore';
import type { HistoryReads } from '../projections/historyReads';
import { MeetingProjector } from '../projections/meetingProjector';
import type { ProjectionStore } from '../projections/projectionStore';
import { openFollowThroughDb } from '../projections/sqlite/followThroughDb';
import { SqliteFollowThroughIndex } from '../projections/sqlite/sqliteFollowThroughIndex';
import { sqliteHistoryReads } from '../projections/sqlite/sqliteHistoryReads';
import { DEFAULT_WORKSPACE_TIME_ZONE, dayIn } from '@suishin/shared/time';
import { SeriesService } from '../series/seriesService';
import type { SeriesStore } from '../series/seriesStore';
import { MeetingBodies } from '../series/meetingBodies';
import { ManagementReports } from '../reports/managementReports';
import type { RatingStore } from '../series/ratingStore';
import type { FollowThroughIndex } from './followThroughIndex';
import type { PeopleStore } from '../people/peopleStore';
import { sqlitePeopleStore } from '../persistence/sqlite/sqlitePeopleStore';

export interface FollowThrough {
  index: FollowThroughIndex;
  series: SeriesStore;
  service: SeriesService;
  /** 会議体: body writes (parent checked, no cycles) and health. */
  bodies: MeetingBodies;
  /** 経営報告 of a body and its children. */
  reports: ManagementReports;
  /** Meetings' anonymous ratings. */
  ratings: RatingStore;
  /** The people register (address book): owners, recipients of links and digests. */
  people: PeopleStore;
  /** Writes a meeting's projection and follow-through rows from its document. */
  projector: MeetingProjector;
  /** Reads of the history screens: archive, home, registers, search, dashboards. */
  reads: HistoryReads;
  today(): string;
  close(): void;
}

export function createFollowThrough(deps: {
  dataDir: string;
  documents: MeetingDocuments;
  /** For meeting rows (series order, creation times), never documents. */
  store: MeetingStore;
  projection: ProjectionStore;
  logger: Logger;
  timeZone?: string;
  now?: () => number;
  /** Meetings in the trash (trash/trashService.ts): never projected. */
  isTrashed?: (meetingId: string) => boolean;
}): FollowThrough {
  const { db, needsRebuild } = openFollowThroughDb(deps.dataDir);
  const index = new SqliteFollowThroughIndex(db, needsRebuild);
  const series = sqliteSeriesStore(db, deps.now);
  const ratings = sqliteRatingStore(db);
  const people = sqlitePeopleStore(db);
  const now = deps.now ?? Date.now;
  const timeZone = deps.timeZone ?? DEFAULT_WORKSPACE_TIME_ZONE;
  const projector = new MeetingProjector({
    projection: deps.projection,
    index,
    timeZone,
    logger: deps.logger,
    ...(deps.isTrashed ? { isTrashed: deps.isTrashed } : {}),
    // In the background: it writes to other meetings' rooms.
    onEndedProjected: (view, carried) => {
      void service.propagateClosures(view.id, { view, carried }).catch((error: unknown) =>
        deps.logger.error('writing closed carried items back failed', { meetingId: view.id, error }),
      );
    },
  });
  const service = new SeriesService({ documents: deps.documents, store: deps.store, series, index, projector, logger: deps.logger, now, timeZone });
  const reads = sqliteHistoryReads(db);
  const today = () => dayIn(now(), timeZone);
  return {
    index,
    series,
    service,
    bodies: new MeetingBodies({ series, reads, ratings, today }),
    reports: new ManagementReports({ series, reads, today }),
    ratings,
    people,
    projector,
    reads,
    today,
    close: () => db.close(),
  };
}
