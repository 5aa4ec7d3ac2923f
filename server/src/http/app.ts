import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ErrorCode } from '@suishin/shared';
import type { Auth } from '../auth/auth';
import type { OriginPolicy } from '../auth/originPolicy';
import type { ClosingService } from '../closing/closingService';
import type { Logger } from '../logger';
import type { MeetingStore } from '../persistence/store';
import type { Rooms } from '../sync/rooms';
import { accessLog } from './accessLog';
import { apiError } from './apiErrors';
import { authenticate, requireMeetingAccess } from './authenticate';
import { securityHeaders } from './securityHeaders';
import { clientAssetRoutes } from './clientAssets';
import { closingRoutes, type AuthorizeMeeting } from './closing';
import { trackerRefreshRoutes, type RefreshTrackers } from './trackerRefresh';
import { dashboardRoutes } from './dashboard';
import type { FollowThrough } from '../followThrough/followThrough';
import { exportRoutes } from './exports';
import { adminHealthRoutes, healthRoutes, type HealthDeps } from './health';
import { meetingAccessRoutes } from './meetingAccess';
import { meetingRoutes } from './meetings';
import { searchRoutes } from './search';
import { seriesRoutes } from './series';
import { sessionRoutes } from './session';
import { timeRoutes } from './time';

export interface HttpAppDeps {
  store: MeetingStore;
  rooms: Rooms;
  logger: Logger;
  clientDist: string;
  maxBodyBytes: number;
  health: HealthDeps;
  auth: Auth;
  origins: OriginPolicy;
  /** PUBLIC_URL: base of share links; https here makes the session cookie Secure. */
  publicUrl: string | null;
  closing: ClosingService;
  /** Series, search, archive and follow-through dashboards (see http/series.ts, search.ts, dashboard.ts). */
  followThrough?: FollowThrough;
  /** Exported action items refreshed from their trackers (integrations/refreshStatuses.ts). */
  refreshTrackers?: RefreshTrackers;
  /**
   * Role checks of the closing and export routes: createServer always passes authenticate.ts's
   * authorizeMeeting. Without one every caller would be allowed (issue 14 makes it required).
   */
  authorizeMeeting?: AuthorizeMeeting;
}

export function createHttpApp(deps: HttpAppDeps) {
  const app = new Hono();

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
  app.use('/api/*', authenticate(deps));
  app.use('/api/meetings/:id/*', requireMeetingAccess(deps.auth)); // also matches /api/meetings/:id
  app.route('/api/session', sessionRoutes(deps));
  app.route('/api', timeRoutes());
  app.route('/api/admin', adminHealthRoutes(deps.health));
  app.route('/api/meetings', meetingAccessRoutes(deps));
  app.route('/api/meetings', meetingRoutes(deps));
  const authorize: AuthorizeMeeting = deps.authorizeMeeting ?? (async () => null);
  app.route('/api/meetings', closingRoutes({ closing: deps.closing, authorize }));
  app.route('/api/meetings', exportRoutes({ closing: deps.closing, authorize }));
  if (deps.refreshTrackers) app.route('/api/meetings', trackerRefreshRoutes({ refresh: deps.refreshTrackers, authorize }));
  if (deps.followThrough) for (const r of [seriesRoutes, searchRoutes, dashboardRoutes]) app.route('/api', r({ ...deps, followThrough: deps.followThrough }));
  app.all('/api/*', (c) => apiError(c, 404, ErrorCode.notFound, `no API route ${c.req.method} ${c.req.path}`));
  app.route('/', healthRoutes());
  app.route('/', clientAssetRoutes(deps.clientDist));

  app.onError((error, c) => {
    deps.logger.error('request failed', { method: c.req.method, path: c.req.path, error });
    return apiError(c, 500, ErrorCode.internal, 'internal error');
  });
  return app;
}
