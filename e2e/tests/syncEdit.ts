import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { MessageType, SYNC_PATH, TICKET_QUERY_KEY, type TicketResponse } from '@suishin/shared';

/**
 * Changes a meeting's document over the sync protocol as a client would (the admin's ticket),
 * and resolves once the server says the change is durable. For setting up a meeting's content;
 * what the room's own panels do is tested through the UI.
 */
export async function editOverSync(baseURL: string, adminToken: string, meetingId: string, change: (doc: Y.Doc) => void): Promise<void> {
  const auth = { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' };
  const ticket = await fetch(`${baseURL}/api/meetings/${meetingId}/ticket`, { method: 'POST', headers: auth, body: '{}' });
  if (!ticket.ok) throw new Error(`POST ticket: ${ticket.status} ${await ticket.text()}`);
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(baseURL.replace(/^http/, 'ws') + SYNC_PATH, meetingId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: { [TICKET_QUERY_KEY]: ((await ticket.json()) as TicketResponse).ticket },
  });
  try {
    await new Promise<void>((resolve) => provider.once('sync', () => resolve()));
    doc.transact(() => change(doc));
    await new Promise<void>((resolve, reject) => {
      provider.messageHandlers[MessageType.saved] = () => resolve();
      provider.messageHandlers[MessageType.saveFailed] = (_encoder, decoder) => reject(new Error(decoding.readVarString(decoder)));
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MessageType.saveRequest);
      encoding.writeVarUint(encoder, 1);
      provider.ws!.send(encoding.toUint8Array(encoder));
    });
  } finally {
    provider.destroy();
    doc.destroy();
  }
}
