/**
 * pnpm rebuild-projections [DATA_DIR]: drops every projection table (the issue-6 proj_* tables and
 * the follow-through follow_* tables: search index, carry links, series membership) and rebuilds
 * them from the stored documents alone, with the days of WORKSPACE_TIME_ZONE. It writes, so it takes
 * the data folder's lock like the server: while a server runs on DATA_DIR it refuses (one line,
 * exit 1); stop the server first. The series table is source data and is kept.
 */
import { lockDataDir } from '../persistence/sqlite/dataDirLock';
import { openSqliteStore } from '../persistence/sqlite/sqliteStore';
import { StartupError } from '../startupError';
import { openSqliteProjection } from '../projections/sqlite/sqliteProjectionStore';
import { rebuildProjection, type RebuildResult } from '../projections/rebuild';
import { openFollowThroughDb } from '../projections/sqlite/followThroughDb';
import { SqliteFollowThroughIndex } from '../projections/sqlite/sqliteFollowThroughIndex';
import { MeetingProjector } from '../projections/meetingProjector';
import { MeetingDocuments } from '../meetings/meetingDocuments';
import { loadWorkspaceTimeZone } from '../config';
import { createLogger } from '../logger';

export async function rebuildAllProjections(dataDir: string, timeZone: string = loadWorkspaceTimeZone().timeZone): Promise<RebuildResult> {
  const lock = lockDataDir(dataDir, 'rebuild-projections');
  try {
    const store = openSqliteStore({ dataDir });
    const projection = openSqliteProjection({ dataDir });
    const { db } = openFollowThroughDb(dataDir);
    try {
      const logger = createLogger('warn');
      // Closures are not propagated here: they are already in the documents ("next meeting" and the server write them).
      const projector = new MeetingProjector({ projection, index: new SqliteFollowThroughIndex(db), timeZone, logger });
      return await rebuildProjection({ store, documents: new MeetingDocuments({ store, rooms: null }), projector, logger });
    } finally {
      db.close();
      await projection.close();
      await store.close();
    }
  } finally {
    lock.release();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dataDir = process.argv[2] ?? process.env.DATA_DIR ?? 'data';
  const started = performance.now();
  rebuildAllProjections(dataDir).then(
    (r) => {
      console.log(`rebuilt projections in ${dataDir}: ${r.projected} meetings, ${r.failed.length} failed (${(performance.now() - started).toFixed(0)} ms)`);
      if (r.failed.length) console.log(`failed: ${r.failed.join(', ')}`);
      process.exitCode = r.failed.length ? 1 : 0;
    },
    (error: unknown) => {
      if (error instanceof StartupError) console.error(`rebuild-projections cannot start: ${error.message}`);
      else console.error(error);
      process.exitCode = 1;
    },
  );
}
