/**
 * The WebSocket endpoint at /sync/<meetingId>, attached to the HTTP server's `upgrade` event.
 *
 * Paths other than /sync/<id> are refused with HTTP 400 before the upgrade, and requests without a
 * credential for the meeting with 401/403 (upgradeAuthorization.ts). Each accepted socket keeps its
 * access (role, name, key version): rotating the meeting's key closes the sockets it revokes with
 * CloseCode.forbidden, and a rename of the session applies to its next presence update (the client
 * publishes it again after renaming; the server does not rewrite a state under the client's clock,
 * which would collide with the client's own next update). For an unknown meeting
 * the upgrade is accepted and then closed with CloseCode.unknownMeeting ("unknown meeting <id>"):
 * browsers hide HTTP status codes of failed upgrades from scripts, and the stock WebsocketProvider
 * only sees close events, so a close code is the only refusal a client can tell apart (and stop
 * retrying on, as it is in PERMANENT_CLOSE_CODES). A room that fails to load closes with
 * CloseCode.loadFailed (retryable); a meeting saved by a newer version, with CloseCode.newerDocument.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { CloseCode, NewerDocumentError, SYNC_PATH, type Role } from '@suishin/shared';
import type { Auth } from '../auth/auth';
import type { MeetingAccess } from '../auth/credential';
import type { OriginPolicy } from '../auth/originPolicy';
import type { Logger } from '../logger';
import { Connection } from './connection';
import { handleMessage } from './messageHandler';
import { syncStep2FrameOf } from './protocolMessages';
import { ConnectionRateLimit, type RateLimits } from './rateLimit';
import type { Rooms } from './rooms';
import { authorizeUpgrade } from './upgradeAuthorization';
import type { SyncTraffic } from './syncTraffic';

export interface SyncEndpointOptions {
  rooms: Rooms;
  logger: Logger;
  maxMessageBytes: number;
  auth: Auth;
  origins: OriginPolicy;
  rateLimit: RateLimits;
  /** Heartbeat: silent sockets are pinged this often, and dropped when they miss a ping (Connection.heartbeat). */
  pingIntervalMs: number;
  /** Counted frames and bytes (the metrics read them). */
  traffic?: SyncTraffic;
  /** Meetings in the trash: their sockets are accepted and closed with CloseCode.meetingDeleted. */
  isTrashed?: (meetingId: string) => boolean;
}

const MEETING_ID = /^[A-Za-z0-9_-]{1,128}$/;

export function attachSyncEndpoint(server: Server, options: SyncEndpointOptions) {
  const { rooms, logger } = options;
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxMessageBytes, perMessageDeflate: false });
  const connections = new Set<Connection>();
  let nextId = 1;
  let accepting = true;

  const refuse = (socket: Duplex, status: number, message: string, detail = message) => {
    socket.once('finish', () => socket.destroy());
    socket.end(`HTTP/1.1 ${status} ${message}\r\nConnection: close\r\nContent-Type: text/plain\r\n\r\n${detail}\n`);
  };

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', (error) => logger.debug('upgrade socket error', { error }));
    if (!accepting) return refuse(socket, 503, 'Service Unavailable');
    const path = (request.url ?? '').split('?')[0] ?? '';
    const prefix = `${SYNC_PATH}/`;
    if (!path.startsWith(prefix) || path.length === prefix.length || path.indexOf('/', prefix.length) !== -1) {
      return refuse(socket, 400, 'Bad Request');
    }
    let meetingId: string;
    try {
      meetingId = decodeURIComponent(path.slice(prefix.length));
    } catch {
      return refuse(socket, 400, 'Bad Request');
    }
    authorizeUpgrade(request, meetingId, options).then(
      (decision) => {
        if (socket.destroyed) return;
        if (!accepting) return refuse(socket, 503, 'Service Unavailable');
        if (!decision.ok) {
          // The path only: the query may hold a ticket, and tickets never go to the log.
          logger.info('sync upgrade refused', { path, status: decision.status, reason: decision.reason });
          return refuse(socket, decision.status, decision.status === 401 ? 'Unauthorized' : 'Forbidden', decision.reason);
        }
        accept(request, socket, head, meetingId, decision.access);
      },
      (error: unknown) => {
        logger.error('authorizing a sync upgrade failed', { path, error });
        if (!socket.destroyed) refuse(socket, 500, 'Internal Server Error');
      },
    );
  };

  const accept = (request: IncomingMessage, socket: Duplex, head: Buffer, meetingId: string, access: MeetingAccess) => {
    wss.handleUpgrade(request, socket, head, (ws) => {
      const conn = new Connection(
        nextId++,
        meetingId,
        ws,
        logger,
        { maxQueuedFrames: 1000, maxQueuedBytes: 4 * options.maxMessageBytes, maxBufferedBytes: 64 * 1024 * 1024 },
        {
          access,
          // Every frame: the grant's key version must still be the meeting's (a Map lookup).
          stillGranted: () => {
            if (access.keyVersion === null) return true; // the admin: not revoked by rotation
            const current = options.auth.keys.cached(meetingId);
            return current === undefined || current === access.keyVersion;
          },
          rateLimit: new ConnectionRateLimit(options.rateLimit, options.maxMessageBytes),
        },
        options.traffic,
      );
      connections.add(conn);
      conn.onClose(() => connections.delete(conn));
      if (!MEETING_ID.test(meetingId)) {
        conn.close(CloseCode.unknownMeeting, `unknown meeting ${meetingId}`);
        return;
      }
      if (options.isTrashed?.(meetingId)) {
        conn.close(CloseCode.meetingDeleted, 'this meeting was deleted');
        return;
      }
      // A join that has to load the room is sent the stored state at once, if the store holds it
      // as one update: the client applies it while the server builds the room from the same bytes
      // (each about 30 ms for 20,000 edits) instead of after. Its SyncStep1 is then answered with
      // only what is newer (Connection.sentStateVector).
      let sentStoredState = false;
      const sendStoredState = (update: Uint8Array) => {
        conn.send(syncStep2FrameOf(update));
        sentStoredState = true;
      };
      rooms.acquire(meetingId, sendStoredState).then(
        (room) => {
          if (!room) {
            conn.close(CloseCode.unknownMeeting, `unknown meeting ${meetingId}`);
            return;
          }
          if (sentStoredState) conn.sentStateVector = room.storedStateVector;
          room.attach(conn);
          if (options.isTrashed?.(meetingId)) {
            // Deleted while the room loaded: attached first, so closing it unloads the room.
            conn.close(CloseCode.meetingDeleted, 'this meeting was deleted');
            return;
          }
          conn.start((frame) => handleMessage(room, conn, frame, logger));
        },
        (error: unknown) =>
          (error as Error).cause instanceof NewerDocumentError
            ? conn.close(CloseCode.newerDocument, ((error as Error).cause as Error).message)
            : conn.close(CloseCode.loadFailed, `could not load meeting ${meetingId}; stored data is untouched`),
      );
    });
  };

  server.on('upgrade', onUpgrade);

  // A rotation revokes every socket of the meeting opened under an older key, except the rotating
  // session's own sockets, which move to the new key with it.
  const onRotated = (meetingId: string, keyVersion: number, bySessionId: string | null) => {
    for (const conn of [...connections]) {
      if (conn.meetingId !== meetingId || conn.access.keyVersion === null) continue;
      if (bySessionId !== null && conn.access.sessionId === bySessionId) conn.access.keyVersion = keyVersion;
      else if (conn.access.keyVersion !== keyVersion) conn.close(CloseCode.forbidden, 'access revoked');
    }
  };
  const onRenamed = (sessionId: string, name: string) => {
    for (const conn of connections) if (conn.access.sessionId === sessionId) conn.access.name = name;
  };
  // Sign-out ends the session's sockets too.
  const onSignedOut = (sessionId: string) => {
    for (const conn of [...connections]) if (conn.access.sessionId === sessionId) conn.close(CloseCode.unauthorized, 'signed out');
  };
  options.auth.events.on('rotated', onRotated);
  options.auth.events.on('renamed', onRenamed);
  options.auth.events.on('signedOut', onSignedOut);
  const heartbeat = setInterval(() => {
    for (const conn of connections) conn.heartbeat();
  }, options.pingIntervalMs);
  heartbeat.unref();

  return {
    connectionCount: () => connections.size,
    /** Open sockets by their role in their meeting (read when metrics are scraped). */
    connectionsByRole() {
      const counts: Record<Role, number> = { facilitator: 0, participant: 0, observer: 0 };
      for (const conn of connections) counts[conn.access.role]++;
      return counts;
    },
    /** Stops accepting upgrades and closes the WebSocket server. */
    stop() {
      accepting = false;
      clearInterval(heartbeat);
      server.off('upgrade', onUpgrade);
      options.auth.events.off('rotated', onRotated);
      options.auth.events.off('renamed', onRenamed);
      options.auth.events.off('signedOut', onSignedOut);
    },
    /** Drops any socket still open after the close frames were sent. */
    terminateAll() {
      for (const conn of [...connections]) conn.terminate();
      wss.close();
    },
  };
}
