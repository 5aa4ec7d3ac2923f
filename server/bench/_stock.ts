// Minimal y-websocket-server style relay (in-memory, no persistence) for comparison.
import http from 'node:http';
import { WebSocketServer } from 'ws';
import * as Y from 'yjs';
import * as syncProtocol from 'y-protocols/sync';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
const docs = new Map<string, { doc: Y.Doc; conns: Set<any> }>();
const server = http.createServer();
const wss = new WebSocketServer({ server });
wss.on('connection', (ws, req) => {
  const name = req.url!;
  let room = docs.get(name);
  if (!room) { const doc = new Y.Doc(); room = { doc, conns: new Set() }; docs.set(name, room);
    const r = room; doc.on('update', (u: Uint8Array, origin: any) => { const e = encoding.createEncoder(); encoding.writeVarUint(e, 0); syncProtocol.writeUpdate(e, u); const m = encoding.toUint8Array(e); for (const c of r.conns) c.send(m); }); }
  const r = room; r.conns.add(ws);
  ws.on('close', () => r.conns.delete(ws));
  ws.on('message', (data: Buffer) => { const d = decoding.createDecoder(new Uint8Array(data)); const t = decoding.readVarUint(d); if (t !== 0) return; const e = encoding.createEncoder(); encoding.writeVarUint(e, 0); syncProtocol.readSyncMessage(d, e, r.doc, ws); if (encoding.length(e) > 1) ws.send(encoding.toUint8Array(e)); });
  const e = encoding.createEncoder(); encoding.writeVarUint(e, 0); syncProtocol.writeSyncStep1(e, r.doc); ws.send(encoding.toUint8Array(e));
});
server.listen(0, '127.0.0.1', () => console.log(`Suishin listening on http://localhost:${(server.address() as any).port}`));
