/**
 * Reference point for the bench, not part of the product: a bare in-memory relay in the style of
 * the stock y-websocket server (apply, broadcast, no persistence, no validation). Running the
 * same harness against it shows how much of the measured latency is the harness itself.
 */
import http from 'node:http';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { WebSocketServer, type WebSocket } from 'ws';
import * as Y from 'yjs';

const rooms = new Map<string, { doc: Y.Doc; conns: Set<WebSocket> }>();
const server = http.createServer();
const wss = new WebSocketServer({ server });

wss.on('connection', (ws, req) => {
  const name = req.url ?? '/';
  let room = rooms.get(name);
  if (!room) {
    const doc = new Y.Doc();
    const created = { doc, conns: new Set<WebSocket>() };
    doc.on('update', (update: Uint8Array) => {
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, 0);
      syncProtocol.writeUpdate(e, update);
      const frame = encoding.toUint8Array(e);
      for (const c of created.conns) c.send(frame);
    });
    rooms.set(name, created);
    room = created;
  }
  const r = room;
  r.conns.add(ws);
  ws.on('close', () => r.conns.delete(ws));
  ws.on('message', (data: Buffer) => {
    try {
      const d = decoding.createDecoder(new Uint8Array(data));
      if (decoding.readVarUint(d) !== 0) return;
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, 0);
      syncProtocol.readSyncMessage(d, e, r.doc, ws);
      if (encoding.length(e) > 1) ws.send(encoding.toUint8Array(e));
    } catch {
      // reference relay: ignore bad frames
    }
  });
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  syncProtocol.writeSyncStep1(e, r.doc);
  ws.send(encoding.toUint8Array(e));
});

server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as { port: number };
  console.log(`baseline relay listening on http://127.0.0.1:${port}`);
});
