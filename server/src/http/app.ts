import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ErrorCode } from '@suishin/shared';
import type { Auth } from '../auth/auth';
import type { OriginPolicy } from '../auth/originPolicy';
import type { ClosingService } from '../closing/closingService';
import type { Logger } from '../logger';
import type { MeetingStore } from '../persistence/store';
import type { MeetingDocuments } from '../meetings/meetingDocuments';
import type { Rooms } from '../sync/rooms';
import { accessLog } from './accessLog';
import { apiError } from './apiErrors';
import { authenticate, requireMeetingAccess } from './authenticate';
import { securityHeaders } from './securityHeaders';
import { clientAssetRoutes } from './clientAssets';
import { closingRoutes } from './closing';
import { trackerRefreshRoutes, type RefreshTrackers } from './trackerRefresh';
import { archiveRoutes } from './archive';
import { CursorCodec } from './cursorCodec';
import { dashboardRoutes } from './dashboard';
import { reportRoutes } from './reports';
import { registerRoutes } from './registers';
import type { FollowThrough } from '../followThrough/followThrough';
import { exportRoutes } from './exports';
import { adminHealthRoutes, healthRoutes, type HealthDeps } from './health';
import { meetingAccessRoutes } from './meetingAccess';
import { metricsRoutes } from './metrics';
import { auditRoutes } from './audit';
import { withAudit } from './auditRecording';
import type { AuditTrail } from '../audit/auditTrail';
import type { ServerMetrics } from '../metrics/serverMetrics';
import { meetingRoutes } from './meetings';
import { meetingDeleteRoutes, refuseTrashed, trashRoutes } from './trash';
import type { TrashService } from '../trash/trashService';
import { searchRoutes } from './search';
import { seriesRoutes } from './series';
import { bodyRoutes } from './bodies';
import { ratingRoutes } from './ratings';
import { peopleRoutes } from './people';
import { myItemRoutes } from './myItems';
import { PersonalLinks } from '../people/personalLinks';
import { TokenSigner } from '../auth/signedToken';
import { sessionRoutes } from './session';
import { timeRoutes } from './time';
import { workspaceRoutes } from './workspace';
import type { WorkspaceSettings } from '@suishin/shared/protocol';

export interface HttpAppDeps {
  store: MeetingStore;
  rooms: Rooms;
  /** The one way to a meeting's document (meetings/meetingDocuments.ts). */
  documents: MeetingDocuments;
  logger: Logger;
  clientDist: string;
  maxBodyBytes: number;
  health: HealthDeps;
  /** The workspace's settings: its one time zone. */
  workspace: WorkspaceSettings;
  auth: Auth;
  origins: OriginPolicy;
  /** PUBLIC_URL: base of share links; https here makes the session cookie Secure. */
  publicUrl: string | null;
  closing: ClosingService;
  /** Series, search, archive and follow-through dashboards (see http/series.ts, search.ts, dashboard.ts). */
  followThrough?: FollowThrough;
  /** Exported action items refreshed from their trackers (integrations/refreshStatuses.ts). */
  refreshTrackers?: RefreshTrackers;
  /** GET /metrics and who may scrape it (METRICS_TOKEN, else loopback only). */
  metrics?: { metrics: ServerMetrics; token: string | null };
  /** The audit trail: routes record into it; GET /api/audit reads it. */
  audit?: AuditTrail;
  /** Signs page cursors (the server secret, so cursors survive a restart); a random key without it. */
  cursorSecret?: Buffer;
  /** Signs personal links (the server secret); without it there are no personal links. */
  personalLinkSecret?: Buffer;
  /** The trash: deleting, restoring and purging meetings; trashed meetings answer 410. */
  trash?: { service: TrashService; days: number };
}

export function createHttpApp(deps: HttpAppDeps) {
  const app = new Hono();
  const cursors = new CursorCodec(deps.cursorSecret);

  app.use('*', accessLog(deps.logger));
  app.use('*', securityHeaders());
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: deps.maxBodyBytes,
      onError: (c) =>
        apiError(c, 413, ErrorCode.payloadTooLarge, `request body larger than ${deps.maxBodyBytes} bytes`),
    }),
  );
  // Access control runs before every /api route registered after it (see authenticate.ts).
  app.use('/api/*', withAudit(deps.audit));
  app.use('/api/*', authenticate(deps));
  app.use('/api/meetings/:id/*', requireMeetingAccess(deps.auth)); // also matches /api/meetings/:id
  if (deps.trash) app.use('/api/meetings/:id/*', refuseTrashed(deps.trash.service));
  app.route('/api/session', sessionRoutes(deps));
  app.route('/api', timeRoutes());
  app.route('/api/admin', adminHealthRoutes(deps.health));
  app.route('/api', workspaceRoutes(deps.workspace));
  if (deps.audit) app.route('/api', auditRoutes({ log: deps.audit.log, cursors }));
  if (deps.trash) {
    app.route('/api/admin', trashRoutes({ trash: deps.trash.service, trashDays: deps.trash.days }));
    app.route('/api/meetings', meetingDeleteRoutes({ trash: deps.trash.service }));
  }
  app.route('/api/meetings', meetingAccessRoutes(deps));
  app.route('/api/meetings', meetingRoutes({ ...deps, cursors }));
  app.route('/api/meetings', closingRoutes({ closing: deps.closing }));
  app.route('/api/meetings', exportRoutes({ closing: deps.closing }));
  if (deps.refreshTrackers) app.route('/api/meetings', trackerRefreshRoutes({ refresh: deps.refreshTrackers }));
  if (deps.followThrough) {
    app.route('/api', seriesRoutes({ ...deps, followThrough: deps.followThrough }));
    app.route('/api', bodyRoutes({ ...deps, followThrough: deps.followThrough }));
    const links = deps.personalLinkSecret ? new PersonalLinks(new TokenSigner(deps.personalLinkSecret), deps.followThrough.people) : null;
    app.route('/api/people', peopleRoutes({ people: deps.followThrough.people, links }));
    if (links) app.route('/api/my', myItemRoutes({ links, followThrough: deps.followThrough, documents: deps.documents }));
    app.route('/api/meetings', ratingRoutes({ ratings: deps.followThrough.ratings, store: deps.store }));
    const history = { ...deps, followThrough: deps.followThrough, reads: deps.followThrough.reads, cursors };
    for (const routes of [archiveRoutes, searchRoutes, registerRoutes, dashboardRoutes]) app.route('/api', routes(history));
    app.route('/api', reportRoutes({ ...deps, reports: deps.followThrough.reports }));
  }
  app.all('/api/*', (c) => apiError(c, 404, ErrorCode.notFound, `no API route ${c.req.method} ${c.req.path}`));
  app.route('/', healthRoutes());
  if (deps.metrics) app.route('/', metricsRoutes(deps.metrics.metrics, deps.metrics.token));
  app.route('/', clientAssetRoutes(deps.clientDist, { timeZone: deps.workspace.timeZone }));

  app.onError((error, c) => {
    deps.logger.error('request failed', { method: c.req.method, path: c.req.path, error });
    return apiError(c, 500, ErrorCode.internal, 'internal error');
  });
  return app;
}
