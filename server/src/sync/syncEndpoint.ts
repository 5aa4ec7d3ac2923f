/**
 * The WebSocket endpoint at /sync/<meetingId>, attached to the HTTP server's `upgrade` event.
 *
 * Paths other than /sync/<id> are refused with HTTP 400 before the upgrade. For an unknown meeting
 * the upgrade is accepted and then closed with CloseCode.unknownMeeting ("unknown meeting <id>"):
 * browsers hide HTTP status codes of failed upgrades from scripts, and the stock WebsocketProvider
 * only sees close events, so a close code is the only refusal a client can tell apart (and stop
 * retrying on, as it is in PERMANENT_CLOSE_CODES). A room that fails to load closes with
 * CloseCode.loadFailed (retryable).
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { CloseCode, SYNC_PATH } from '@suishin/shared';
import type { Logger } from '../logger';
import { Connection } from './connection';
import { handleMessage } from './messageHandler';
import type { Rooms } from './rooms';

export interface SyncEndpointOptions {
  rooms: Rooms;
  logger: Logger;
  maxMessageBytes: number;
}

const MEETING_ID = /^[A-Za-z0-9_-]{1,128}$/;

export function attachSyncEndpoint(server: Server, options: SyncEndpointOptions) {
  const { rooms, logger } = options;
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxMessageBytes, perMessageDeflate: false });
  const connections = new Set<Connection>();
  let nextId = 1;
  let accepting = true;

  const refuse = (socket: Duplex, status: number, message: string) => {
    socket.end(`HTTP/1.1 ${status} ${message}\r\nConnection: close\r\nContent-Type: text/plain\r\n\r\n${message}\n`);
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
    wss.handleUpgrade(request, socket, head, (ws) => {
      const conn = new Connection(nextId++, meetingId, ws, logger, {
        maxQueuedFrames: 1000,
        maxQueuedBytes: 4 * options.maxMessageBytes,
        maxBufferedBytes: 64 * 1024 * 1024,
      });
      connections.add(conn);
      conn.onClose(() => connections.delete(conn));
      if (!MEETING_ID.test(meetingId)) {
        conn.close(CloseCode.unknownMeeting, `unknown meeting ${meetingId}`);
        return;
      }
      rooms.acquire(meetingId).then(
        (room) => {
          if (!room) {
            conn.close(CloseCode.unknownMeeting, `unknown meeting ${meetingId}`);
            return;
          }
          room.attach(conn);
          conn.start((frame) => handleMessage(room, conn, frame, logger));
        },
        () => conn.close(CloseCode.loadFailed, `could not load meeting ${meetingId}; stored data is untouched`),
      );
    });
  };

  server.on('upgrade', onUpgrade);

  return {
    connectionCount: () => connections.size,
    /** Stops accepting upgrades and closes the WebSocket server. */
    stop() {
      accepting = false;
      server.off('upgrade', onUpgrade);
    },
    /** Drops any socket still open after the close frames were sent. */
    terminateAll() {
      for (const conn of [...connections]) conn.terminate();
      wss.close();
    },
  };
}
