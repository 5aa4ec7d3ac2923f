import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode, SCHEMA_VERSION, getCarriedFrom, getMeta, initMeeting } from '@suishin/shared';
import { VERSION_ONE_VIA_MEETING, versionOneMeeting } from '@suishin/shared/testing';
import { openSqliteStore } from '../persistence/sqlite/sqliteStore';
import type { StoredMeeting } from '../persistence/store';
import { connectRaw, connectStockClient } from '../testing/syncClients';
import { adminHeaders } from '../testing/serverAccess';
import { makeTempDir, startTestServer } from '../testing/testServer';

/** Writes `doc` into a fresh SQLite store in `dataDir` as a meeting, as older code would have. */
async function storeMeeting(dataDir: string, doc: Y.Doc, options: { compacted?: boolean } = {}): Promise<string> {
  const id = randomUUID();
  const store = openSqliteStore({ dataDir });
  await store.createMeeting(id, Y.encodeStateAsUpdate(doc), { title: getMeta(doc).title, status: 'draft', scheduledStart: null });
  if (options.compacted) {
    const stored = (await store.loadMeeting(id))!;
    await store.compact(id, Y.encodeStateAsUpdate(doc), { replaces: stored.snapshotUptoSeq, contains: stored.updates.map((u) => u.seq) });
  }
  await store.close();
  return id;
}

function documentOf(stored: StoredMeeting): Y.Doc {
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const u of stored.updates) Y.applyUpdate(doc, u.data);
  return doc;
}

const carriedValue = (doc: Y.Doc, id: string) => doc.getMap<Y.Map<unknown>>('actionItems').get(id)?.get('carriedFrom');

describe('migrating stored meetings on load', () => {
  for (const compacted of [false, true]) {
    it(`a version 1 meeting ${compacted ? '(a compacted snapshot) ' : ''}is migrated once, durably, before a client syncs`, async () => {
      const dataDir = makeTempDir();
      const { doc: old, actionItemId } = versionOneMeeting('旧定例');
      const id = await storeMeeting(dataDir, old, { compacted });
      let t = await startTestServer({ dataDir });

      const client = await connectStockClient(t, id); // resolves once synced
      expect(getMeta(client.doc).schemaVersion).toBe(SCHEMA_VERSION);
      expect(getCarriedFrom(client.doc, actionItemId)?.viaMeeting).toEqual(VERSION_ONE_VIA_MEETING);
      expect(carriedValue(client.doc, actionItemId)).not.toHaveProperty('from');

      client.destroy();

      // Restart (the old server unloads the room first): still migrated, and not migrated again
      // (loading it appends nothing).
      t = await t.restart();
      const afterFirstLoad = await t.server.store.loadMeeting(id);
      expect(documentOf(afterFirstLoad!).getMap('meta').get('schemaVersion')).toBe(SCHEMA_VERSION);
      const again = await connectStockClient(t, id);
      expect(getMeta(again.doc).schemaVersion).toBe(SCHEMA_VERSION);
      expect(getCarriedFrom(again.doc, actionItemId)?.viaMeeting).toEqual(VERSION_ONE_VIA_MEETING);
      await t.server.store.flush();
      expect(await t.server.store.loadMeeting(id)).toEqual(afterFirstLoad);
    });
  }

  it('a REST read of a closed old meeting sees it migrated, and writes nothing', async () => {
    const dataDir = makeTempDir();
    const id = await storeMeeting(dataDir, versionOneMeeting('読むだけ').doc);
    const t = await startTestServer({ dataDir });
    const res = await fetch(`${t.httpUrl}/api/meetings/${id}`, { headers: adminHeaders(t) });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { meta: { schemaVersion: number } }).meta.schemaVersion).toBe(SCHEMA_VERSION);
    const stored = await t.server.store.loadMeeting(id);
    expect(getMeta(documentOf(stored!)).schemaVersion).toBe(1); // read in memory only: no room opened, nothing stored
  });

  it('a meeting saved by a newer version is refused with newerDocument and left as stored', async () => {
    const dataDir = makeTempDir();
    const future = new Y.Doc();
    initMeeting(future, { title: 'from a newer Suishin' });
    future.getMap('meta').set('schemaVersion', SCHEMA_VERSION + 1);
    const id = await storeMeeting(dataDir, future, { compacted: true });
    const t = await startTestServer({ dataDir });
    const before = await t.server.store.loadMeeting(id);

    const raw = await connectRaw(t, id);
    const closed = await raw.closed;
    expect(closed.code).toBe(CloseCode.newerDocument);
    expect(closed.reason).toMatch(/newer version of Suishin/);
    expect(raw.frames).toEqual([]); // not even the stored snapshot was sent
    expect(t.server.rooms.peek(id)).toBeUndefined();
    await t.server.store.flush();
    expect(await t.server.store.loadMeeting(id)).toEqual(before);
  });
});
