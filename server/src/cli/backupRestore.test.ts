/**
 * Integration: `npm run backup` beside a running server holds every edit acknowledged before it
 * started; `npm run restore` refuses a bad file or folder with one line and changes nothing, and a
 * restored folder starts with every meeting and the same search results; scheduled backups keep
 * BACKUP_KEEP files and report how they went. The commands run as their own processes.
 */
import { existsSync, readdirSync, readFileSync, statSync, truncateSync, writeFileSync, openSync, writeSync, closeSync, mkdirSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addAgendaItem, addDecision } from '@suishin/shared';
import { docFromStored } from '../meetings/storedDocument';
import { checkBackup } from '../persistence/sqlite/restoreFile';
import { SCHEMA_VERSION } from '../persistence/sqlite/schema';
import { runCli } from '../testing/cliProcess';
import { apiGet, makeMeeting } from '../testing/historyFixtures';
import { adminHeaders, createRoleLink, fetchTicket } from '../testing/serverAccess';
import { connectRaw, connectStockClient, editsOf, sendAndSettle } from '../testing/syncClients';
import { makeTempDir, startTestServer, type TestServer } from '../testing/testServer';

async function serverState(t: TestServer, id: string): Promise<Y.Doc> {
  const res = await fetch(`${t.httpUrl}/api/meetings/${id}/document`, { headers: adminHeaders(t) });
  expect(res.status).toBe(200);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, new Uint8Array(await res.arrayBuffer()));
  return doc;
}

/** Every meeting's document in a backup file, read the way restore checks it. */
function backupDocs(file: string): Map<string, Y.Doc> {
  const docs = new Map<string, Y.Doc>();
  checkBackup(file, (id, stored) => docs.set(id, docFromStored(stored))).discard();
  return docs;
}

/** True when `doc` holds everything `before` holds: its state vector is at least as far for every client. */
function contains(doc: Y.Doc, before: Y.Doc): boolean {
  const have = Y.decodeStateVector(Y.encodeStateVector(doc));
  for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVector(before))) if ((have.get(client) ?? 0) < clock) return false;
  return true;
}

const folder = (dir: string) => (existsSync(dir) ? readdirSync(dir).sort().map((n) => `${n}:${statSync(join(dir, n)).size}`) : []);

describe('npm run backup beside a running server', () => {
  it('holds every edit acknowledged before it started, while edits go on; with no edits meanwhile each meeting equals the source byte for byte', async () => {
    const t = await startTestServer({ env: { COMPACT_AFTER_UPDATES: '40' } }); // compactions happen during the test too
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push(await makeMeeting(t, { title: `定例 ${i}` }));
    const stock = await Promise.all(ids.map((id) => connectStockClient(t, id)));
    const raws = await Promise.all(ids.map((id) => connectRaw(t, id)));
    // Live load: each stock client keeps adding items until the end.
    let live = true;
    const load = stock.map(async (client, m) => {
      for (let n = 0; live; n++) {
        addAgendaItem(client.doc, { title: `live ${m}-${n}`, timeboxMinutes: 5 });
        await new Promise((r) => setTimeout(r, 3));
      }
    });
    // Acknowledged edits: sent by raw clients and answered `saved`.
    for (let round = 0; round < 5; round++) {
      for (const [m, raw] of raws.entries()) {
        const base = await serverState(t, ids[m]!);
        expect(await sendAndSettle(raw, editsOf((doc) => addDecision(doc, { text: `決定 ${m}-${round}` }), base), round * 10 + m)).toBe('saved');
      }
    }
    const acknowledged = await Promise.all(ids.map((id) => serverState(t, id))); // includes every saved edit
    const backupFile = join(makeTempDir(), 'live.sqlite');
    const run = await runCli('backup', [backupFile], { DATA_DIR: t.dataDir });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^backed up .* to .*live\.sqlite: \d+ bytes in \d+ ms, without the server secret\n$/);
    live = false;
    await Promise.all(load);
    const copied = backupDocs(backupFile);
    for (const [m, id] of ids.entries()) {
      expect(contains(copied.get(id)!, acknowledged[m]!), `meeting ${m} lacks an acknowledged edit`).toBe(true);
      // Only the acknowledged edits wrote decisions: all five, as the server had them.
      expect(copied.get(id)!.getMap('decisions').toJSON()).toEqual(acknowledged[m]!.getMap('decisions').toJSON());
      expect(copied.get(id)!.getMap('decisions').size).toBe(5);
    }

    // Quiet now: a second backup equals the source exactly.
    for (const [m, client] of stock.entries()) {
      for (let tries = 0; !contains(await serverState(t, ids[m]!), client.doc); tries++) {
        if (tries > 200) throw new Error('the live edits never reached the server');
        await new Promise((r) => setTimeout(r, 25));
      }
    }
    await t.server.store.flush();
    const quiet = join(makeTempDir(), 'quiet.sqlite');
    expect((await runCli('backup', [quiet], { DATA_DIR: t.dataDir })).code).toBe(0);
    const copies = backupDocs(quiet);
    for (const id of ids) {
      const source = await serverState(t, id);
      expect(Y.encodeStateAsUpdate(copies.get(id)!)).toEqual(Y.encodeStateAsUpdate(source));
      expect(copies.get(id)!.getMap('agenda').toJSON()).toEqual(source.getMap('agenda').toJSON());
      expect(copies.get(id)!.getMap('decisions').toJSON()).toEqual(source.getMap('decisions').toJSON());
    }
  }, 60_000);

  it('puts the server secret into the file only with --with-secret, and refuses a file that exists', async () => {
    const t = await startTestServer();
    await makeMeeting(t, { title: 'secret test' });
    const dir = makeTempDir();
    expect((await runCli('backup', [join(dir, 'plain.sqlite')], { DATA_DIR: t.dataDir, SUISHIN_SECRET: t.secret })).code).toBe(0);
    expect(readFileSync(join(dir, 'plain.sqlite')).includes(t.secret)).toBe(false);
    const withSecret = await runCli('backup', [join(dir, 'secret.sqlite'), '--with-secret'], { DATA_DIR: t.dataDir, SUISHIN_SECRET: t.secret });
    expect(withSecret.stdout).toContain('with the server secret (keep this file safe)');
    expect(readFileSync(join(dir, 'secret.sqlite')).includes(t.secret)).toBe(true);
    const again = await runCli('backup', [join(dir, 'plain.sqlite')], { DATA_DIR: t.dataDir });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^backup refused: .*plain\.sqlite exists already; give a new file name\n$/);
    expect((await runCli('backup', [], { DATA_DIR: t.dataDir })).code).toBe(2);
    const nothing = await runCli('backup', [join(dir, 'x.sqlite')], { DATA_DIR: makeTempDir() });
    expect(nothing.code).toBe(1);
    expect(nothing.stderr).toMatch(/^backup refused: no Suishin database at .*suishin\.sqlite/);
  }, 30_000);
});

describe('npm run restore', () => {
  it('restores into an empty folder: every meeting opens, search finds what it found before, links made before work with the secret', async () => {
    const t = await startTestServer();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      ids.push(await makeMeeting(t, {
        title: `経営会議 ${i}`,
        day: `2026-03-0${i + 1}`,
        status: i < 2 ? 'ended' : 'live',
        fill: (doc) => {
          addAgendaItem(doc, { title: `在庫の見直し ${i}`, timeboxMinutes: 10 });
          addDecision(doc, { text: `価格表を改定する restoreword${i}`, decidedBy: '部長' });
        },
      }));
    }
    const link = await createRoleLink(t, ids[2]!, 'participant');
    const search = async (s: TestServer, q: string) => (await apiGet(s, `/api/search?q=${encodeURIComponent(q)}`)).json.hits.map((h: { meetingId: string; itemId: string }) => `${h.meetingId}/${h.itemId}`).sort();
    const before = { ja: await search(t, '価格表'), word: await search(t, 'restoreword1'), short: await search(t, '在庫') };
    expect(before.ja.length).toBeGreaterThan(0);
    const states = await Promise.all(ids.map((id) => serverState(t, id)));
    const file = join(makeTempDir(), 'b.sqlite');
    expect((await runCli('backup', [file, '--with-secret'], { DATA_DIR: t.dataDir, SUISHIN_SECRET: t.secret })).code).toBe(0);

    const target = join(makeTempDir(), 'restored');
    const restored = await runCli('restore', [file], { DATA_DIR: target });
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    expect(restored.stdout).toContain('restored 3 meetings');
    expect(readFileSync(join(target, 'suishin.secret'), 'utf8').trim()).toBe(t.secret);
    expect(statSync(join(target, 'suishin.secret')).mode & 0o777).toBe(0o600);
    expect(new Database(join(target, 'suishin.sqlite'), { readonly: true }).prepare("SELECT count(*) AS n FROM sqlite_master WHERE name LIKE 'backup_%'").get()).toEqual({ n: 0 });

    const r = await startTestServer({ dataDir: target, env: { SUISHIN_SECRET: t.secret } });
    for (const [i, id] of ids.entries()) {
      const doc = await serverState(r, id);
      expect(Y.encodeStateAsUpdate(doc)).toEqual(Y.encodeStateAsUpdate(states[i]!));
      const client = await connectStockClient(r, id);
      expect(client.doc.getMap('decisions').size).toBe(1);
    }
    expect({ ja: await search(r, '価格表'), word: await search(r, 'restoreword1'), short: await search(r, '在庫') }).toEqual(before);
    expect(await fetchTicket(r, ids[2]!, { token: link.token })).toBeTruthy(); // the secret came back: old links work
  }, 60_000);

  it('refuses a corrupt, truncated, newer-schema or foreign file with one line and exit 1, changing nothing', async () => {
    const t = await startTestServer();
    for (let i = 0; i < 20; i++) await makeMeeting(t, { title: `m${i}`, fill: (doc) => addDecision(doc, { text: 'x'.repeat(2000) }) });
    const dir = makeTempDir();
    const good = join(dir, 'good.sqlite');
    expect((await runCli('backup', [good], { DATA_DIR: t.dataDir })).code).toBe(0);
    const variant = (name: string, change: (file: string) => void) => {
      const file = join(dir, name);
      copyFileSync(good, file);
      change(file);
      return file;
    };
    const size = statSync(good).size;
    const files = {
      truncated: variant('truncated.sqlite', (f) => truncateSync(f, Math.floor(size / 2))),
      corrupt: variant('corrupt.sqlite', (f) => {
        const fd = openSync(f, 'r+');
        writeSync(fd, Buffer.alloc(size - 8192, 0x5a), 0, size - 8192, 4096); // every page but the first two
        closeSync(fd);
      }),
      newer: variant('newer.sqlite', (f) => {
        const db = new Database(f);
        db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
        db.close();
      }),
      foreign: variant('foreign.sqlite', (f) => writeFileSync(f, 'not a database at all, just some text'.repeat(200))),
      undecodable: variant('undecodable.sqlite', (f) => {
        const db = new Database(f);
        db.prepare("UPDATE snapshots SET data = x'00ffffffff0f01' WHERE meeting_id = (SELECT id FROM meetings LIMIT 1)").run();
        db.close();
      }),
    };
    const reasons: Record<keyof typeof files, RegExp> = {
      truncated: /damaged|truncated/,
      corrupt: /damaged|not a SQLite database/,
      newer: new RegExp(`schema version ${SCHEMA_VERSION + 1}, newer than this server's ${SCHEMA_VERSION}`),
      foreign: /not a SQLite database/,
      undecodable: /meeting .* does not decode/,
    };
    const target = join(makeTempDir(), 'target');
    mkdirSync(target);
    writeFileSync(join(target, 'note.txt'), 'operator note');
    const listing = folder(target);
    for (const [kind, file] of Object.entries(files) as Array<[keyof typeof files, string]>) {
      const bytes = readFileSync(file);
      const run = await runCli('restore', [file], { DATA_DIR: target });
      expect(run.code, kind).toBe(1);
      expect(run.stderr, kind).toMatch(reasons[kind]);
      expect(run.stderr.trim().split('\n'), kind).toHaveLength(1);
      expect(run.stderr, kind).toMatch(/^restore refused: /);
      expect(folder(target), kind).toEqual(listing);
      expect(readFileSync(file).equals(bytes), `${kind}: the file itself is not touched`).toBe(true);
    }
    expect((await runCli('restore', [good], { DATA_DIR: target })).code).toBe(0); // the good one goes in
  }, 90_000);

  it('refuses a folder a running server holds, and one with a database unless --force (which moves it aside)', async () => {
    const t = await startTestServer();
    await makeMeeting(t, { title: 'in use' });
    const file = join(makeTempDir(), 'b.sqlite');
    expect((await runCli('backup', [file], { DATA_DIR: t.dataDir })).code).toBe(0);
    const listing = folder(t.dataDir).filter((n) => !n.startsWith('suishin.sqlite-'));
    const inUse = await runCli('restore', [file, '--force'], { DATA_DIR: t.dataDir });
    expect(inUse.code).toBe(1);
    expect(inUse.stderr).toMatch(/^restore refused: the data folder .* is in use by another Suishin process \(pid \d+.*server.*\)/);
    expect(folder(t.dataDir).filter((n) => !n.startsWith('suishin.sqlite-'))).toEqual(listing);
    await t.server.close();

    const full = await runCli('restore', [file], { DATA_DIR: t.dataDir });
    expect(full.code).toBe(1);
    expect(full.stderr).toMatch(/already holds a database; restore into an empty folder, or add --force/);
    const forced = await runCli('restore', [file, '--force'], { DATA_DIR: t.dataDir });
    expect(forced.code).toBe(0);
    const aside = readdirSync(t.dataDir).filter((n) => /^suishin\.sqlite\.replaced-[\dT-]+Z$/.test(n));
    expect(aside).toHaveLength(1);
  }, 60_000);
});

describe('scheduled backups', () => {
  it('BACKUP_DIR gets a backup at start and on schedule, keeps BACKUP_KEEP, and health shows the last one and any failure', async () => {
    const backupDir = join(makeTempDir(), 'backups');
    const t = await startTestServer({ env: { BACKUP_DIR: backupDir, BACKUP_EVERY: '1d', BACKUP_KEEP: '2' } });
    await makeMeeting(t, { title: 'scheduled' });
    await t.server.backups!.runNow(); // (the one due at start may still be running: runNow waits for it)
    await new Promise((r) => setTimeout(r, 1100)); // file names are per second... and millisecond
    await t.server.backups!.runNow();
    await t.server.backups!.runNow();
    const files = readdirSync(backupDir);
    expect(files).toHaveLength(2);
    expect(files.every((f) => /^suishin-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z\.sqlite$/.test(f))).toBe(true);
    const health = (await apiGet(t, '/api/admin/health')).json;
    expect(health.backups).toMatchObject({ dir: backupDir, everyMs: 86_400_000, keep: 2, lastFailure: null, failuresTotal: 0 });
    expect(health.backups.lastBackup.bytes).toBe(statSync(health.backups.lastBackup.file).size);
    expect(health.backups.nextAt).toBeGreaterThan(Date.now() + 86_000_000);
    expect(backupDocs(health.backups.lastBackup.file).size).toBe(1);

    const broken = join(makeTempDir(), 'a-file');
    writeFileSync(broken, 'not a folder');
    const f = await startTestServer({ env: { BACKUP_DIR: broken } });
    await f.server.backups!.runNow();
    const failed = (await apiGet(f, '/api/admin/health')).json.backups;
    expect(failed.lastBackup).toBeNull();
    expect(failed.failuresTotal).toBeGreaterThanOrEqual(1);
    expect(failed.lastFailure.message).toMatch(/EEXIST|ENOTDIR|not a directory/);
  }, 60_000);
});
