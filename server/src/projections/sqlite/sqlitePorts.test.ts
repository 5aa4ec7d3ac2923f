import { onTestFinished } from 'vitest';
import { runFollowThroughIndexContract } from '../../testing/contracts/followThroughIndexContract';
import { runProjectionStoreContract } from '../../testing/contracts/projectionStoreContract';
import { runSeriesStoreContract } from '../../testing/contracts/seriesStoreContract';
import { makeTempDir } from '../../testing/testServer';
import { sqliteSeriesStore } from '../../persistence/sqlite/sqliteSeriesStore';
import { sqliteRatingStore } from '../../persistence/sqlite/sqliteRatingStore';
import { runRatingStoreContract } from '../../testing/contracts/ratingStoreContract';
import { sqliteSignOffStore } from '../../persistence/sqlite/sqliteSignOffStore';
import { runSignOffStoreContract } from '../../testing/contracts/signOffStoreContract';
import { sqlitePeopleStore } from '../../persistence/sqlite/sqlitePeopleStore';
import { runPeopleStoreContract } from '../../testing/contracts/peopleStoreContract';
import { sqliteOutbox } from '../../persistence/sqlite/sqliteOutbox';
import { runOutboxContract } from '../../testing/contracts/outboxContract';
import { openFollowThroughDb } from './followThroughDb';
import { openSqliteProjection } from './sqliteProjectionStore';
import { SqliteFollowThroughIndex } from './sqliteFollowThroughIndex';

/** The documents' file with its projection and follow-through tables, closed after the test. */
function openFile(dir: string) {
  const projection = openSqliteProjection({ dataDir: dir }); // proj_meetings: series membership reads it
  const { db } = openFollowThroughDb(dir);
  onTestFinished(async () => {
    db.close();
    await projection.close();
  });
  return db;
}

runSeriesStoreContract('sqlite', { storage: () => makeTempDir(), open: async (dir) => sqliteSeriesStore(openFile(dir)) });
runRatingStoreContract('sqlite', { storage: () => makeTempDir(), open: async (dir) => sqliteRatingStore(openFile(dir)) });
runSignOffStoreContract('sqlite', { storage: () => makeTempDir(), open: async (dir) => sqliteSignOffStore(openFile(dir)) });
runPeopleStoreContract('sqlite', { storage: () => makeTempDir(), open: async (dir) => sqlitePeopleStore(openFile(dir)) });
runOutboxContract('sqlite', { storage: () => makeTempDir(), open: async (dir) => sqliteOutbox(openFile(dir)) });
runFollowThroughIndexContract('sqlite', async () => new SqliteFollowThroughIndex(openFile(makeTempDir())));
runProjectionStoreContract('sqlite', async () => {
  const projection = openSqliteProjection({ dataDir: makeTempDir() });
  onTestFinished(() => projection.close());
  return projection;
});
