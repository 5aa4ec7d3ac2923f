import * as decoding from 'lib0/decoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode, MessageType, addAgendaItem, listAgendaItems } from '@suishin/shared';
import { openSqliteStore } from '../persistence/sqlite/sqliteStore';
import { StorageError } from '../persistence/store';
import { instrumentStore } from '../testing/instrumentedStore';
import {
  connectRaw,
  connectStockClient,
  messageTypeOf,
  saveRequestFrame,
  syncUpdateFrame,
  waitForDoc,
  isAttachedFrame,
} from '../testing/syncClients';
import { createMeetingViaApi, makeTempDir, startTestServer } from '../testing/testServer';

describe('storage failure while a room is open', () => {
  it('sends saveFailed, never applies or relays the update, closes with storageFailed, and recovers', async () => {
    const dataDir = makeTempDir();
    let diskFull = false;
    const store = instrumentStore(openSqliteStore({ dataDir }), {
      beforeAppend: () => {
        if (diskFull) throw new StorageError('appendUpdate failed: SQLITE_FULL');
      },
    });
    const t = await startTestServer({ dataDir, deps: { store } });
    const id = await createMeetingViaApi(t);
    const observer = await connectStockClient(t, id);
    const writer = await connectRaw(t, id);
    await writer.next(isAttachedFrame);

    diskFull = true;
    const local = new Y.Doc();
    const updates: Uint8Array[] = [];
    local.on('update', (u: Uint8Array) => updates.push(u));
    addAgendaItem(local, { title: 'lost on a full disk' });
    writer.send(syncUpdateFrame(updates[0]!));
    writer.send(saveRequestFrame(1));

    const failed = await writer.next((f) => messageTypeOf(f) === MessageType.saveFailed);
    const d = decoding.createDecoder(failed);
    decoding.readVarUint(d);
    expect(decoding.readVarString(d)).toMatch(/not saved/);
    expect((await writer.closed).code).toBe(CloseCode.storageFailed);
    expect(writer.frames.some((f) => messageTypeOf(f) === MessageType.saved)).toBe(false);
    expect(listAgendaItems(observer.doc)).toHaveLength(0);

    // Storage recovers: the observer's provider reconnects, and a resend is stored and relayed.
    diskFull = false;
    const again = await connectRaw(t, id);
    await again.next(isAttachedFrame);
    again.send(syncUpdateFrame(updates[0]!));
    await waitForDoc(observer.doc, (doc) => listAgendaItems(doc).length === 1, 'the resent update');
  });
});
