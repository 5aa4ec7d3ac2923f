/**
 * `npm start` runs the bundle (build/bundle.ts → dist/), not the TypeScript sources the other
 * tests run: this proves the bundle works as production uses it, worker threads included (the
 * SQLite writer, the scheduled backup), and that an edit it acknowledged survives a SIGKILL.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { addAgendaItem, listAgendaItems } from '@suishin/shared';
import { startChildServer } from './testing/childServer';
import { connectStockClient, waitForDoc } from './testing/syncClients';
import { createMeetingViaApi, makeTempDir } from './testing/testServer';

const SERVER_DIR = join(import.meta.dirname, '..');

describe('the compiled server (npm start)', () => {
  it('builds, serves, syncs through its writer thread, backs up on its worker thread, and keeps an acknowledged edit across SIGKILL', async () => {
    const build = spawnSync(process.execPath, ['--import', 'tsx', 'build/bundle.ts'], { cwd: SERVER_DIR, encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);

    const dataDir = makeTempDir();
    const backupDir = makeTempDir();
    const env = { DATA_DIR: dataDir, BACKUP_DIR: backupDir, BACKUP_EVERY: '1d' };
    const first = await startChildServer(env, [], 'compiled');
    onTestFinished(() => void first.child.kill('SIGKILL'));
    expect((await fetch(`${first.httpUrl}/healthz`)).status).toBe(200);

    const id = await createMeetingViaApi(first, 'Compiled');
    const writer = await connectStockClient(first, id);
    const reader = await connectStockClient(first, id);
    addAgendaItem(writer.doc, { title: 'from the bundle' });
    // The server relays an edit only once it is durable.
    await waitForDoc(reader.doc, (doc) => listAgendaItems(doc).some((item) => item.title === 'from the bundle'), 'the relayed edit');
    await expect.poll(() => readdirSync(backupDir).filter((f) => f.endsWith('.sqlite')).length, { timeout: 15_000 }).toBeGreaterThan(0);
    writer.destroy();
    reader.destroy();

    first.child.kill('SIGKILL');
    await first.exited;
    const second = await startChildServer(env, [], 'compiled');
    onTestFinished(() => void second.child.kill('SIGKILL'));
    const again = await connectStockClient(second, id);
    expect(listAgendaItems(again.doc).map((item) => item.title)).toContain('from the bundle');
  });
});
