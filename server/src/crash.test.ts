/**
 * Crash safety with the real entry point in a child process: what a second client has received
 * was durable before it was relayed, so SIGKILL cannot lose it.
 */
import { describe, expect, it, onTestFinished } from 'vitest';
import { CloseCode, addAgendaItem, listAgendaItems } from '@suishin/shared';
import { startChildServer } from './testing/childServer';
import { connectStockClient, waitForDoc } from './testing/syncClients';
import { createMeetingViaApi, makeTempDir } from './testing/testServer';

describe('server process', () => {
  it('keeps all 500 edits a second client received across SIGKILL', async () => {
    const dataDir = makeTempDir();
    // 500 separate updates in one tick: above the default burst of 400 messages, which is for people.
    const first = await startChildServer({ DATA_DIR: dataDir, RATE_LIMIT_MESSAGE_BURST: '1000' });
    onTestFinished(() => void first.child.kill('SIGKILL'));
    const id = await createMeetingViaApi(first, 'Crash test');
    const a = await connectStockClient(first, id);
    const b = await connectStockClient(first, id);
    for (let i = 0; i < 500; i++) addAgendaItem(a.doc, { title: `edit ${i}` });
    await waitForDoc(b.doc, (d) => listAgendaItems(d).length === 500, 'b has all 500 edits');

    first.child.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');
    a.destroy();
    b.destroy();

    const second = await startChildServer({ DATA_DIR: dataDir, SUISHIN_ADMIN_TOKEN: first.adminToken });
    onTestFinished(() => void second.child.kill('SIGKILL'));
    const c = await connectStockClient(second, id);
    const titles = new Set(listAgendaItems(c.doc).map((i) => i.title));
    expect(titles.size).toBe(500);
    for (let i = 0; i < 500; i++) expect(titles.has(`edit ${i}`)).toBe(true);
  });

  it('shuts down cleanly on SIGTERM: clients get 1012 and the process exits 0', async () => {
    const dataDir = makeTempDir();
    const server = await startChildServer({ DATA_DIR: dataDir });
    onTestFinished(() => void server.child.kill('SIGKILL'));
    const id = await createMeetingViaApi(server);
    const a = await connectStockClient(server, id);
    const closed = new Promise<number>((resolve) =>
      a.provider.on('connection-close', (event: { code: number } | null) => resolve(event?.code ?? 0)),
    );
    server.child.kill('SIGTERM');
    expect(await closed).toBe(CloseCode.serviceRestart);
    expect(await server.exited).toBe(0);
  });
});
