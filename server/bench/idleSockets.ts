/**
 * Idle people for the socket-memory scenario: each a bare WebSocket that does what a stock
 * client does when nobody types (sync handshake, its presence, a presence renewal every 15 s),
 * and nothing else, so 16,000 of them fit in the bench process. The same sockets go to Suishin
 * and to the reference server.
 */
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import { MessageType, TICKET_QUERY_KEY } from '@suishin/shared';

/** y-protocols' awareness renewal period (outdatedTimeout / 2). */
const RENEW_MS = 15_000;
const SYNC_STEP1_EMPTY = new Uint8Array([MessageType.sync, 0, 1, 0]); // an empty state vector
const SYNC_STEP2_EMPTY = new Uint8Array([MessageType.sync, 1, 2, 0, 0]); // an empty update

function awarenessFrame(clientId: number, clock: number, name: string): Uint8Array {
  const state = JSON.stringify({ user: { name, color: '#30bced' }, cursor: null });
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, 1);
  encoding.writeVarUint(inner, clientId);
  encoding.writeVarUint(inner, clock);
  encoding.writeVarString(inner, state);
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.awareness);
  encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
  return encoding.toUint8Array(e);
}

export interface IdleSocket {
  close(): void;
}

let nextClientId = 1_000_000;

/**
 * Opens one idle socket; resolves once the server's first frame arrived (it has joined the room).
 * `edit`: a sync frame sent once after joining (the meeting then has something to persist).
 */
export function openIdleSocket(syncUrl: string, room: string, ticket: string | null, edit?: Uint8Array): Promise<IdleSocket> {
  const query = ticket ? `?${TICKET_QUERY_KEY}=${encodeURIComponent(ticket)}` : '';
  const ws = new WebSocket(`${syncUrl}/${room}${query}`, { perMessageDeflate: false });
  const clientId = nextClientId++;
  let clock = 0;
  let timer: NodeJS.Timeout | null = null;
  const renew = () => {
    if (ws.readyState === WebSocket.OPEN) ws.send(awarenessFrame(clientId, ++clock, `p${clientId}`));
  };
  return new Promise((resolve, reject) => {
    ws.once('error', reject);
    ws.once('open', () => {
      ws.send(SYNC_STEP1_EMPTY);
      ws.send(SYNC_STEP2_EMPTY);
      ws.send(awarenessFrame(clientId, clock, `p${clientId}`));
      if (edit) ws.send(edit);
      // Renewals spread over the period, as people join at different moments.
      timer = setTimeout(() => {
        renew();
        timer = setInterval(renew, RENEW_MS);
      }, Math.random() * RENEW_MS);
    });
    ws.once('message', () =>
      resolve({
        close() {
          if (timer) clearTimeout(timer);
          ws.close();
        },
      }),
    );
  });
}
