import { describe, expect, it } from 'vitest';
import { addAgendaItem, listAgendaItems } from '@suishin/shared';
import { openSqliteStore } from '../persistence/sqlite/sqliteStore';
import { gate, instrumentStore } from '../testing/instrumentedStore';
import { connectStockClient, waitForDoc } from '../testing/syncClients';
import { createMeetingViaApi, makeTempDir, startTestServer } from '../testing/testServer';
import { UnloadQueue } from './unloadQueue';

const turn = () => new Promise((r) => setImmediate(r));

describe('UnloadQueue', () => {
  it('runs at most `concurrency` at once, and starts none in the turn it was given them', async () => {
    const queue = new UnloadQueue(2);
    const started: number[] = [];
    const gates = [gate(), gate(), gate()];
    const done = gates.map((g, i) =>
      queue.add(async () => {
        started.push(i);
        await g.promise;
      }).done,
    );
    expect(started).toEqual([]); // nothing ran synchronously: the closing sockets' turn stays short
    for (let i = 0; i < 5; i++) await turn();
    expect(started).toEqual([0, 1]);
    gates[0]!.open();
    await done[0];
    for (let i = 0; i < 5; i++) await turn();
    expect(started).toEqual([0, 1, 2]);
    gates[1]!.open();
    gates[2]!.open();
    await Promise.all(done);
    expect(queue.size).toBe(0);
  });

  it('an entry taken back before it started never runs, and its waiters are released', async () => {
    const queue = new UnloadQueue(1);
    const hold = gate();
    let ran = false;
    queue.add(() => hold.promise);
    const second = queue.add(async () => {
      ran = true;
    });
    await turn();
    expect(second.cancel()).toBe(true);
    await second.done;
    hold.open();
    for (let i = 0; i < 5; i++) await turn();
    expect(ran).toBe(false);
    expect(second.cancel()).toBe(false);
  });
});

describe('many rooms emptied at once', () => {
  it('each is persisted in turn, and a restart loses nothing', async () => {
    const dataDir = makeTempDir();
    let t = await startTestServer({ dataDir, env: { COMPACT_AFTER_UPDATES: '1000' } });
    const ids: string[] = [];
    const clients = [];
    for (let i = 0; i < 12; i++) {
      const id = await createMeetingViaApi(t, `m${i}`);
      ids.push(id);
      const c = await connectStockClient(t, id);
      addAgendaItem(c.doc, { title: `item of ${i}` });
      clients.push(c);
    }
    const others = await Promise.all(ids.map((id) => connectStockClient(t, id)));
    await Promise.all(others.map((o, i) => waitForDoc(o.doc, (d) => listAgendaItems(d).length === 1, `room ${i}`)));
    for (const c of [...clients, ...others]) c.destroy();
    await waitFor(() => t.server.rooms.openCount === 0 && t.server.rooms.unloadingCount === 0);
    // Unloading folded each room's log into its snapshot.
    for (const id of ids) expect((await t.server.store.loadMeeting(id))!.updates).toHaveLength(0);
    t = await t.restart();
    for (let i = 0; i < ids.length; i++) {
      const c = await connectStockClient(t, ids[i]!);
      expect(listAgendaItems(c.doc).map((a) => a.title)).toEqual([`item of ${i}`]);
      c.destroy();
    }
  });

  it('a client back while its room still waits to unload gets the same room, with nothing reloaded', async () => {
    const dataDir = makeTempDir();
    const held = gate();
    let holding = true;
    const store = instrumentStore(openSqliteStore({ dataDir }), { beforeCompact: () => (holding ? held.promise : undefined) });
    const t = await startTestServer({ dataDir, deps: { store } });
    // Four rooms hold the queue (its concurrency) inside their final compaction; a fifth waits its turn.
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(await createMeetingViaApi(t, `m${i}`));
    for (const id of ids) {
      const c = await connectStockClient(t, id);
      addAgendaItem(c.doc, { title: 'kept' });
      await waitFor(async () => ((await store.loadMeeting(id))?.updates.length ?? 0) > 0);
      c.destroy();
      await waitFor(() => t.server.rooms.peek(id) === undefined);
    }
    await waitFor(() => store.calls.compact === 4);
    const loadsBefore = store.calls.load;
    const back = await connectStockClient(t, ids[4]!);
    expect(listAgendaItems(back.doc).map((a) => a.title)).toEqual(['kept']);
    expect(store.calls.load).toBe(loadsBefore); // taken back from the queue, not loaded again
    expect(t.server.rooms.peek(ids[4]!)).toBeDefined();
    holding = false;
    held.open();
    back.destroy();
    await waitFor(() => t.server.rooms.openCount === 0 && t.server.rooms.unloadingCount === 0);
    expect(store.calls.compact).toBe(5);
  });
});

async function waitFor(check: () => boolean | Promise<boolean>, ms = 10_000) {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}
