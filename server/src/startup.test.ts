/**
 * Startup refusals with the real entry point in child processes: one process per data folder (the
 * lock goes with the process, SIGKILL included), and a database file that cannot be opened stops
 * startup with one line and exit code 1, the file left exactly as it was.
 */
import { spawn } from 'node:child_process';
import { chmodSync, chownSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe, expect, it, onTestFinished } from 'vitest';
import * as Y from 'yjs';
import { addAgendaItem, initMeeting } from '@suishin/shared';
import { runExportCli } from './cli/export';
import { openSqliteStore } from './persistence/sqlite/sqliteStore';
import { runChildServerToExit, startChildServer, type ChildExit, type ChildUser } from './testing/childServer';
import { createMeetingViaApi, makeTempDir } from './testing/testServer';

const SERVER_DIR = join(import.meta.dirname, '..');

/**
 * nobody must reach the server's code to run it: a checkout inside a private folder (mktemp's are
 * 0700, as CI's fresh clones may be) gets the search bit for others on each folder above it, for
 * this test only.
 */
function letOthersThrough(dir: string) {
  for (let d = dir; d !== dirname(d); d = dirname(d)) {
    const mode = statSync(d).mode & 0o7777;
    if ((mode & 0o001) !== 0) continue;
    chmodSync(d, mode | 0o001);
    onTestFinished(() => chmodSync(d, mode));
  }
}
const lines = (text: string) => text.trim().split('\n').filter(Boolean);

/** The one line a refusal prints; fails the test if there is more (or nothing). */
function refusal(exit: ChildExit): string {
  expect(exit.code, exit.stderr).toBe(1);
  expect(lines(exit.stderr), exit.stderr).toHaveLength(1);
  return exit.stderr.trim();
}

function runRebuildCli(dataDir: string): Promise<ChildExit> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/rebuildProjections.ts', dataDir], { cwd: SERVER_DIR, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code: code ?? signal ?? 'unknown', stdout, stderr })));
}

/** A data folder whose database holds 40 meetings of about 20 KB each (clean shutdown: no WAL left). */
async function populatedDataDir(): Promise<{ dataDir: string; file: string }> {
  const dataDir = makeTempDir();
  const store = openSqliteStore({ dataDir });
  for (let m = 0; m < 40; m++) {
    const doc = new Y.Doc();
    initMeeting(doc, { title: `Meeting ${m}` });
    for (let i = 0; i < 40; i++) addAgendaItem(doc, { title: `item ${i} ${randomBytes(200).toString('hex')}` });
    await store.createMeeting(`m${m}`, Y.encodeStateAsUpdate(doc), { title: `Meeting ${m}`, status: 'draft', scheduledStart: null });
  }
  await store.close();
  return { dataDir, file: join(dataDir, 'suishin.sqlite') };
}

describe('one process per data folder', () => {
  it('refuses a second server on the folder, naming it and the holder; SIGKILL releases the lock', async () => {
    const dataDir = makeTempDir();
    const first = await startChildServer({ DATA_DIR: dataDir });
    onTestFinished(() => void first.child.kill('SIGKILL'));

    const line = refusal(await runChildServerToExit({ DATA_DIR: dataDir }));
    expect(line).toContain(dataDir);
    expect(line).toContain(`pid ${first.child.pid}`);
    // The first one is unharmed.
    expect((await fetch(`${first.httpUrl}/healthz`)).status).toBe(200);

    first.child.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');
    const next = await startChildServer({ DATA_DIR: dataDir });
    onTestFinished(() => void next.child.kill('SIGKILL'));
    expect((await fetch(`${next.httpUrl}/healthz`)).status).toBe(200);
  });

  it('rebuild-projections refuses while a server holds the folder; export reads beside it', async () => {
    const dataDir = makeTempDir();
    const server = await startChildServer({ DATA_DIR: dataDir });
    onTestFinished(() => void server.child.kill('SIGKILL'));
    const id = await createMeetingViaApi(server, 'Beside the server');

    const rebuild = await runRebuildCli(dataDir);
    expect(rebuild.code, rebuild.stderr).toBe(1);
    expect(lines(rebuild.stderr)).toHaveLength(1);
    expect(rebuild.stderr).toContain(dataDir);
    expect(rebuild.stderr).toContain(`pid ${server.child.pid}`);

    let listed = '';
    const code = await runExportCli(['--list'], { env: { DATA_DIR: dataDir }, stdout: (d) => (listed += String(d)), stderr: () => undefined });
    expect(code).toBe(0);
    expect(listed).toContain(id);

    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    const after = await runRebuildCli(dataDir);
    expect(after.code, after.stderr).toBe(0);
    expect(after.stdout).toContain('1 meetings');
  });
});

describe('a database file that cannot be opened', () => {
  const refusesUntouched = async (dataDir: string, file: string, cause: RegExp, options: { user?: ChildUser; mode?: number } = {}) => {
    const before = readFileSync(file);
    if (options.mode !== undefined) chmodSync(file, options.mode);
    const line = refusal(await runChildServerToExit({ DATA_DIR: dataDir }, { user: options.user }));
    chmodSync(file, 0o600);
    expect(line).toContain(file);
    expect(line).toMatch(cause);
    expect(readFileSync(file).equals(before)).toBe(true);
  };

  it('truncated: exit 1 with one line naming the file and the damage', async () => {
    const { dataDir, file } = await populatedDataDir();
    truncateSync(file, Math.floor(statSync(file).size * 0.6));
    await refusesUntouched(dataDir, file, /damaged|malformed/);
  });

  it('garbled: exit 1, whether the whole file or only pages after the header are garbage', async () => {
    const whole = await populatedDataDir();
    writeFileSync(whole.file, randomBytes(statSync(whole.file).size));
    await refusesUntouched(whole.dataDir, whole.file, /not a database/);

    const pages = await populatedDataDir();
    const bytes = readFileSync(pages.file);
    randomBytes(bytes.length - 4096).copy(bytes, 4096); // page 1 (header and schema) intact
    writeFileSync(pages.file, bytes);
    await refusesUntouched(pages.dataDir, pages.file, /damaged|malformed/);
  });

  it('zero-length: exit 1 and the file is never initialised over', async () => {
    const dataDir = makeTempDir();
    const file = join(dataDir, 'suishin.sqlite');
    writeFileSync(file, '');
    await refusesUntouched(dataDir, file, /empty/);
    expect(statSync(file).size).toBe(0);
  });

  it('unreadable: exit 1 naming the permission problem', async () => {
    const { dataDir, file } = await populatedDataDir();
    // Root reads any file whatever its mode: then the server runs as nobody, with the folder theirs
    // (so the lock and the secret can be written) and the database root's, mode 600.
    const asRoot = process.getuid?.() === 0;
    const nobody: ChildUser = { uid: 65534, gid: 65534 };
    if (asRoot) {
      chownSync(dataDir, nobody.uid, nobody.gid);
      chmodSync(dataDir, 0o700);
      letOthersThrough(SERVER_DIR);
    }
    await refusesUntouched(dataDir, file, /permission denied/i, asRoot ? { user: nobody } : { mode: 0o000 });
  });

  it('a fresh data folder is created as before', async () => {
    const dataDir = join(makeTempDir(), 'new', 'folder');
    const server = await startChildServer({ DATA_DIR: dataDir });
    onTestFinished(() => void server.child.kill('SIGKILL'));
    await createMeetingViaApi(server, 'First meeting');
    expect(statSync(join(dataDir, 'suishin.sqlite')).size).toBeGreaterThan(0);
  });
});
