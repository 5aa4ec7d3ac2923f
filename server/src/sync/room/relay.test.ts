/**
 * Two rooms of one meeting over one store (what the scale-out issue must make impossible, or
 * harmless): with a relay between them each applies the other's durable updates; without one,
 * each compacts only what its document contains, so neither ever drops the other's updates.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addAgendaItem, initMeeting, listAgendaItems } from '@suishin/shared';
import { createLogger } from '../../logger';
import { openSqliteStore } from '../../persistence/sqlite/sqliteStore';
import type { MeetingStore } from '../../persistence/store';
import { makeTempDir } from '../../testing/testServer';
import { docFromStored } from '../../meetings/storedDocument';
import type { RoomRelay } from './relay';
import { Room, type RoomOptions } from './room';

async function meetingStore() {
  const store = openSqliteStore({ dataDir: makeTempDir() });
  const init = new Y.Doc();
  initMeeting(init, { title: 'Two writers' });
  await store.createMeeting('m', Y.encodeStateAsUpdate(init), { title: 'Two writers', status: 'draft', scheduledStart: null });
  return store;
}

function options(store: MeetingStore, relay?: RoomRelay): RoomOptions {
  return {
    store,
    logger: createLogger('silent'),
    compactAfterUpdates: 3,
    maxUpdateBytes: 1 << 20,
    awareness: { maxEntries: 10, maxStateBytes: 4096 },
    projectionDelayMs: 10,
    onEmpty: () => undefined,
    onFailed: () => undefined,
    ...(relay ? { relay } : {}),
  };
}

/** A relay joining the rooms of one process: what one publishes, the others receive. */
function busRelay(): () => RoomRelay {
  const members = new Set<{ meetingId: string; onRemote: (u: Uint8Array, seq: number) => void; self: object }>();
  return () => {
    const self = {};
    return {
      publish(meetingId, update, seq) {
        for (const m of members) if (m.self !== self && m.meetingId === meetingId) m.onRemote(update, seq);
      },
      subscribe(meetingId, onRemote) {
        const member = { meetingId, onRemote, self };
        members.add(member);
        return () => members.delete(member);
      },
    };
  };
}

const titles = (doc: Y.Doc) => listAgendaItems(doc).map((i) => i.title).sort();

describe('room relay seam', () => {
  it('with a relay, each room applies the other’s durable updates', async () => {
    const store = await meetingStore();
    const relay = busRelay();
    const a = (await Room.load('m', options(store, relay())))!;
    const b = (await Room.load('m', options(store, relay())))!;
    await a.applyServerChange((doc) => addAgendaItem(doc, { title: 'from a' }));
    await b.applyServerChange((doc) => addAgendaItem(doc, { title: 'from b' }));
    expect(titles(a.doc)).toEqual(['from a', 'from b']);
    expect(titles(b.doc)).toEqual(['from a', 'from b']);
    a.destroy();
    b.destroy();
    await store.close();
  });

  it('without one, two writers’ compactions never drop each other’s updates', async () => {
    const store = await meetingStore();
    const a = (await Room.load('m', options(store)))!;
    const b = (await Room.load('m', options(store)))!;
    for (let i = 0; i < 4; i++) {
      await a.applyServerChange((doc) => addAgendaItem(doc, { title: `a${i}` }));
      await b.applyServerChange((doc) => addAgendaItem(doc, { title: `b${i}` }));
    }
    await a.compact();
    await b.compact(); // built on the snapshot a replaced: refused, changes nothing
    await a.compact();
    const stored = docFromStored((await store.loadMeeting('m'))!);
    expect(titles(stored)).toEqual(['a0', 'a1', 'a2', 'a3', 'b0', 'b1', 'b2', 'b3']);
    a.destroy();
    b.destroy();
    await store.close();
  });
});
