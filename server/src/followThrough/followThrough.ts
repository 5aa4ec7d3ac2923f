/**
 * Wiring of series, search and follow-through: one SQLite connection (the documents' file), the
 * series store, the derived index, and the series service. createServer builds one and hands the
 * wrapped projection store to the closing service, so projecting a meeting also indexes it.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { ErrorCode } from '@suishin/shared';
import type { Logger } from '../logger';
import type { MeetingStore } from '../persistence/store';
import type { ProjectionStore } from '../projections/projectionStore';
import { projectStoredMeeting } from '../projections/rebuild';
import type { Rooms } from '../sync/rooms';
import { DEFAULT_WORKSPACE_TIME_ZONE, dayIn } from '@suishin/shared/time';
import { SeriesService } from '../series/seriesService';
import { sqliteSeriesStore, type SeriesStore } from '../series/seriesStore';
import { openFollowThroughDb } from './followThroughDb';
import { FollowThroughIndex } from './followThroughIndex';
import { withFollowThrough } from './withFollowThrough';
import type Database from 'better-sqlite3';
import type { HistoryReads } from '../projections/historyReads';
import { sqliteHistoryReads } from '../projections/sqlite/sqliteHistoryReads';

export interface FollowThrough {
  db: Database.Database;
  index: FollowThroughIndex;
  series: SeriesStore;
  service: SeriesService;
  /** The projection store to give the closing service (indexes what it projects). */
  projection: ProjectionStore;
  /** Reads of the history screens: archive, home, registers, search, dashboards. */
  reads: HistoryReads;
  today(): string;
  close(): void;
}

export function createFollowThrough(deps: {
  dataDir: string;
  store: MeetingStore;
  rooms: Rooms;
  projection: ProjectionStore;
  logger: Logger;
  timeZone?: string;
  now?: () => number;
}): FollowThrough {
  const { db, needsRebuild } = openFollowThroughDb(deps.dataDir);
  const index = new FollowThroughIndex(db);
  const series = sqliteSeriesStore(db, deps.now);
  const now = deps.now ?? Date.now;
  let projection: ProjectionStore;
  const service = new SeriesService({
    store: deps.store,
    rooms: deps.rooms,
    series,
    index,
    logger: deps.logger,
    now,
    timeZone: deps.timeZone,
    reproject: async (meetingId) => {
      await projectStoredMeeting(deps.store, projection, meetingId, deps.timeZone ? { timeZone: deps.timeZone } : {});
    },
  });
  projection = withFollowThrough(deps.projection, index, deps.store, {
    needsRebuild,
    onProjected: (record) => {
      if (record.meeting.status !== 'ended') return;
      // In the background: it writes to other meetings' rooms.
      void service.propagateClosures(record.meeting.meetingId).catch((error: unknown) =>
        deps.logger.error('writing closed carried items back failed', { meetingId: record.meeting.meetingId, error }),
      );
    },
  });
  return {
    db,
    index,
    series,
    service,
    projection,
    reads: sqliteHistoryReads(db),
    today: () => dayIn(now(), deps.timeZone ?? DEFAULT_WORKSPACE_TIME_ZONE),
    close: () => db.close(),
  };
}

/** Where the caller's meeting grants come from (the access layer's Auth; structural, so this module needs nothing of it). */
export interface GrantSource {
  validGrants(credential: never): Promise<Array<{ meetingId: string }>>;
}

interface CredentialLike {
  admin?: boolean;
}

const credentialOf = (c: Context) => (c.get as (key: string) => unknown)('credential') as CredentialLike | undefined;

/** The meetings the caller may open: null = all (the workspace admin, or no access layer wired). */
export async function visibleMeetings(c: Context, auth: GrantSource | undefined): Promise<Set<string> | null> {
  if (!auth) return null;
  const credential = credentialOf(c);
  if (!credential) return new Set();
  if (credential.admin) return null;
  return new Set((await auth.validGrants(credential as never)).map((g) => g.meetingId));
}

/** 403 unless the workspace admin (or no access layer wired). */
export function requireAdminIf(auth: GrantSource | undefined): MiddlewareHandler {
  return async (c, next) => {
    if (auth && !credentialOf(c)?.admin) {
      return c.json({ error: { code: ErrorCode.forbidden, message: 'only the workspace admin may do this' } }, 403);
    }
    await next();
  };
}
