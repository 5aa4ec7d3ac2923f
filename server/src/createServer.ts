/**
 * Builds one Suishin server: store, rooms, HTTP app and the sync endpoint on one port.
 * Everything lives inside the returned object (no module-level state), so tests can run
 * several servers side by side.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createAdaptorServer } from '@hono/node-server';
import { CloseCode, TOKEN_FRAGMENT_KEY } from '@suishin/shared';
import { Auth } from './auth/auth';
import { deriveAdminToken } from './auth/adminToken';
import { createOriginPolicy } from './auth/originPolicy';
import { loadServerSecret } from './auth/serverSecret';
import { ClosingService } from './closing/closingService';
import { loadExportSettings, type ExportSettings } from './closing/exportSettings';
import type { ServerConfig } from './config';
import { createEventLoopMonitor } from './eventLoopMonitor';
import { createLatencyMonitor } from './latencyMonitor';
import { createFollowThrough } from './followThrough/followThrough';
import { refreshManyMeetings } from './integrations/refreshStatuses';
import { createHttpApp } from './http/app';
import { createLogger, type Logger } from './logger';
import { lockDataDir, type DataDirLock } from './persistence/sqlite/dataDirLock';
import { openSqliteStore } from './persistence/sqlite/sqliteStore';
import type { MeetingStore } from './persistence/store';
import { MeetingDocuments } from './meetings/meetingDocuments';
import { followMeetings } from './meetings/meetingFollowers';
import type { ProjectionStore } from './projections/projectionStore';
import { openSqliteProjection } from './projections/sqlite/sqliteProjectionStore';
import { Rooms } from './sync/rooms';
import { AuditTrail } from './audit/auditTrail';
import type { AuditLog } from './audit/auditLog';
import { openSqliteAuditLog } from './persistence/sqlite/sqliteAuditLog';
import { createServerMetrics, type ServerMetrics } from './metrics/serverMetrics';
import { createSyncTraffic } from './sync/syncTraffic';
import { createBackupSchedule, type BackupSchedule } from './backup/backupSchedule';
import { backupInWorker } from './persistence/sqlite/backupInWorker';
import { DATABASE_FILE_NAME } from './persistence/sqlite/restoreFile';
import { attachSyncEndpoint } from './sync/syncEndpoint';
import { TrashService } from './trash/trashService';

export interface ServerDeps {
  /** Storage to use instead of SQLite under config.dataDir (tests wrap it to inject faults). */
  store?: MeetingStore;
  logger?: Logger;
  /** Export and tracker settings instead of those in the environment (tests). */
  exportSettings?: ExportSettings;
  /** The audit trail's log instead of the SQLite table under config.dataDir. */
  auditLog?: AuditLog;
  /** Relational projection instead of the SQLite tables under config.dataDir. */
  projection?: ProjectionStore;
}

export interface SuishinServer {
  /** Resolves with the bound port once listening. */
  listen(): Promise<number>;
  readonly port: number;
  readonly url: string;
  readonly store: MeetingStore;
  readonly rooms: Rooms;
  readonly auth: Auth;
  /**
   * The workspace admin's sign-in URL (token in the fragment), to print at startup; null when the
   * admin token comes from SUISHIN_ADMIN_TOKEN (the operator already knows it).
   */
  readonly adminSignInUrl: string | null;
  readonly closing: ClosingService;
  /** Scheduled backups (BACKUP_DIR), null without. */
  readonly backups: BackupSchedule | null;
  readonly audit: AuditTrail;
  readonly trash: TrashService;
  /**
   * Clean shutdown: refuse new sockets, close open ones with 1012, persist and unload every room,
   * flush and close the store, close the HTTP server.
   */
  close(): Promise<void>;
}

/**
 * Takes DATA_DIR's lock first (one process per data folder) and gives it back if anything after
 * it fails. Throws StartupError for what the operator must fix (folder in use, database file).
 */
export function createServer(config: ServerConfig, deps: ServerDeps = {}): SuishinServer {
  const lock = lockDataDir(config.dataDir, 'server');
  try {
    return buildServer(config, deps, lock);
  } catch (error) {
    lock.release();
    throw error;
  }
}

function buildServer(config: ServerConfig, deps: ServerDeps, lock: DataDirLock): SuishinServer {
  const logger = deps.logger ?? createLogger(config.logLevel);
  const store = deps.store ?? openSqliteStore({ dataDir: config.dataDir });
  const secret = loadServerSecret(config.dataDir, config.secret, logger);
  const auth = new Auth({ secret: secret.key, adminToken: config.adminToken ?? deriveAdminToken(secret.key), store });
  let port = 0;
  const origins = createOriginPolicy({ allowedOrigins: config.allowedOrigins, publicUrl: config.publicUrl, port: () => port });
  const durableWrites = createLatencyMonitor();
  const traffic = createSyncTraffic();
  let metrics: ServerMetrics | null = null; // made below; the rooms report durable writes to it
  const rooms = new Rooms(
    {
      store,
      logger,
      compactAfterUpdates: config.compactAfterUpdates,
      maxUpdateBytes: config.maxMessageBytes,
      awareness: { maxEntries: 100, maxStateBytes: 4 * 1024 },
      projectionDelayMs: 500,
      onDurable: (ms) => {
        durableWrites.record(ms);
        metrics?.durableWrite(ms);
      },
      extraRootKeys: config.testingExtraRootKeys.length > 0 ? new Set(config.testingExtraRootKeys) : undefined,
    },
    logger,
  );
  // One clock: the screen, every file, the projections and the series' "today" use this zone.
  const timeZone = config.timeZone;
  if (config.timeZoneSource === 'EXPORT_TIME_ZONE') logger.warn('EXPORT_TIME_ZONE is deprecated: set WORKSPACE_TIME_ZONE (it now governs the screen and every file alike)');
  let exportSettings = deps.exportSettings;
  if (!exportSettings) {
    const { problems, ...loaded } = loadExportSettings(process.env);
    for (const problem of problems) logger.warn(`export settings: ${problem}`);
    exportSettings = loaded;
  }
  exportSettings = { ...exportSettings, timeZone };
  // The one way to a meeting's document; series, search and follow-through; the features that
  // follow meetings through the rooms' events (listing, the projection of ended meetings).
  const documents = new MeetingDocuments({ store, rooms });
  const projection = deps.projection ?? openSqliteProjection({ dataDir: config.dataDir });
  const trashed = new Set<string>(); // filled by trash.start(), before the first request
  const isTrashed = (meetingId: string) => trashed.has(meetingId);
  const followThrough = createFollowThrough({ dataDir: config.dataDir, documents, store, logger, timeZone, projection, isTrashed });
  const { projector } = followThrough;
  followMeetings({ events: rooms.events, store, projector });
  const closingService = new ClosingService({ documents, store, events: rooms.events, projector, settings: exportSettings, logger });
  closingService.start();
  const refreshDeps = { documents, settings: exportSettings, logger, index: followThrough.index, projector };
  const refreshTrackers = (meetingIds: readonly string[]) => refreshManyMeetings(meetingIds, refreshDeps);
  let sync: ReturnType<typeof attachSyncEndpoint> | null = null;
  const eventLoop = createEventLoopMonitor();
  const databaseFile = join(config.dataDir, DATABASE_FILE_NAME);
  const audit = new AuditTrail({ log: deps.auditLog ?? openSqliteAuditLog({ dataDir: config.dataDir }), logger, retentionDays: config.auditDays });
  audit.followMeetings(rooms.events);
  const trash = new TrashService({
    store,
    rooms,
    documents,
    projector,
    ratings: followThrough.ratings,
    audit,
    logger,
    trashDays: config.trashDays,
    trashed,
  });
  const backups = config.backups
    ? createBackupSchedule({
        ...config.backups,
        logger,
        run: (target) => backupInWorker(databaseFile, target),
        onOutcome: (outcome) =>
          void audit.record(outcome.ok ? 'backupMade' : 'backupFailed', {
            detail: outcome.ok ? { file: outcome.backup.file, bytes: outcome.backup.bytes, scheduled: true } : { message: outcome.message, scheduled: true },
          }),
      })
    : null;
  metrics = createServerMetrics({
    openRooms: () => rooms.openCount,
    connectionsByRole: () => sync?.connectionsByRole() ?? { facilitator: 0, participant: 0, observer: 0 },
    traffic,
    backups: () => backups?.status() ?? null,
  });
  const serverMetrics = metrics;
  rooms.events.on('failed', () => serverMetrics.saveFailed());
  const app = createHttpApp({
    store,
    rooms,
    documents,
    logger,
    clientDist: config.clientDist,
    maxBodyBytes: config.maxBodyBytes,
    workspace: { timeZone, timeZoneSource: config.timeZoneSource },
    closing: closingService,
    followThrough,
    refreshTrackers,
    auth,
    origins,
    publicUrl: config.publicUrl,
    cursorSecret: secret.key,
    personalLinkSecret: secret.key,
    health: {
      openRooms: () => rooms.openCount,
      unloadingRooms: () => rooms.unloadingCount,
      connections: () => sync?.connectionCount() ?? 0,
      eventLoopDelay: () => eventLoop.takeReading(),
      durableWrites: () => durableWrites.takeReading(),
      backups: () => backups?.status() ?? null,
    },
    metrics: { metrics: serverMetrics, token: config.metricsToken },
    audit,
    trash: { service: trash, days: config.trashDays },
  });
  const httpServer = createAdaptorServer({ fetch: app.fetch }) as Server;
  sync = attachSyncEndpoint(httpServer, {
    rooms,
    logger,
    maxMessageBytes: config.maxMessageBytes,
    auth,
    origins,
    rateLimit: config.rateLimit,
    pingIntervalMs: config.pingIntervalMs,
    traffic,
    isTrashed,
  });
  httpServer.on('clientError', (error, socket) => {
    logger.debug('http client error', { error });
    socket.destroy();
  });

  let closing: Promise<void> | null = null;

  return {
    get port() {
      return port;
    },
    get url() {
      const local = ['0.0.0.0', '::', '127.0.0.1', '::1', 'localhost'].includes(config.host);
      return `http://${local ? 'localhost' : config.host}:${port}`;
    },
    store,
    rooms,
    closing: closingService,
    auth,
    backups,
    audit,
    trash,
    get adminSignInUrl() {
      if (config.adminToken !== null) return null;
      const base = config.publicUrl ?? this.url;
      return `${base}/signin#${TOKEN_FRAGMENT_KEY}=${deriveAdminToken(secret.key)}`;
    },
    async listen() {
      await auth.loadSignedOut(); // before the first request: a signed-out cookie never slips through
      audit.start();
      await trash.start();
      return new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(config.port, config.host, () => {
          httpServer.off('error', reject);
          port = (httpServer.address() as AddressInfo).port;
          backups?.start();
          resolve(port);
        });
      });
    },
    close() {
      closing ??= (async () => {
        sync?.stop();
        trash.stop();
        await backups?.stop(); // a backup under way finishes before its database closes
        const httpClosed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
        await rooms.closeAll(CloseCode.serviceRestart, 'server restarting');
        await closingService.close(); // projections of the rooms just unloaded, before the stores close
        await projection.close();
        await audit.close();
        followThrough.close();
        sync?.terminateAll();
        await store.close();
        lock.release();
        httpServer.closeAllConnections();
        await httpClosed;
        eventLoop.stop();
        serverMetrics.stop();
      })();
      return closing;
    },
  };
}
