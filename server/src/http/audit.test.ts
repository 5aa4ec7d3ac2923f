/**
 * Integration: each thing the audit trail promises is recorded once, with who, when and from
 * where; no token, cookie, ticket or secret ever reaches it (its API answers or the database file);
 * GET /api/audit is the admin's, paged and filtered, its parameters validated.
 */
import { readFileSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addActionItem, addDecision } from '@suishin/shared';
import { AUDIT_KINDS, type AuditEntry, type AuditKind } from '@suishin/shared/protocol';
import { formats } from '@suishin/shared/export';
import { TokenSigner } from '../auth/signedToken';
import { loadExportSettings } from '../closing/exportSettings';
import { startTrackerServer } from '../integrations/trackerTestServer';
import { openSqliteAuditLog } from '../persistence/sqlite/sqliteAuditLog';
import { runCli } from '../testing/cliProcess';
import { apiGet, makeMeeting } from '../testing/historyFixtures';
import { adminHeaders, bearer, createRoleLink, fetchTicket, signIn } from '../testing/serverAccess';
import { makeTempDir, startTestServer, type TestServer } from '../testing/testServer';

const GITHUB_TOKEN = 'ghp_auditTOKEN_0123456789abcdef';

async function allEntries(t: TestServer, query = ''): Promise<{ entries: AuditEntry[]; raw: string }> {
  const entries: AuditEntry[] = [];
  let raw = '';
  let cursor: string | null = null;
  do {
    const sep = query ? '&' : '';
    const res = await fetch(`${t.httpUrl}/api/audit?limit=3${sep}${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { headers: adminHeaders(t) });
    const text = await res.text();
    expect(res.status, text).toBe(200);
    raw += text;
    const page = JSON.parse(text) as { entries: AuditEntry[]; nextCursor: string | null };
    entries.push(...page.entries);
    cursor = page.nextCursor;
  } while (cursor);
  return { entries, raw };
}

const send = (t: TestServer, method: string, path: string, headers: Record<string, string>, body?: unknown) =>
  fetch(`${t.httpUrl}${path}`, { method, headers: { ...headers, 'content-type': 'application/json', origin: t.httpUrl }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });

describe('the audit trail', () => {
  it('records each kind once, with who, when and from where, and never a token', async () => {
    const tracker = await startTrackerServer(() => ({ status: 201, body: { number: 7, html_url: 'https://github.com/octo/demo/issues/7' } }));
    const { problems, ...exportSettings } = loadExportSettings({ GITHUB_TOKEN, GITHUB_REPO: 'octo/demo', GITHUB_API_URL: tracker.url });
    expect(problems).toEqual([]);
    const backupDir = join(makeTempDir(), 'backups');
    const t = await startTestServer({ env: { BACKUP_DIR: backupDir }, deps: { exportSettings: { ...exportSettings, retry: { baseDelayMs: 5, maxDelayMs: 20 }, minIntervalMs: 0 } } });
    const started = Date.now();
    const secrets: string[] = [t.adminToken, t.secret, GITHUB_TOKEN];
    const recorded: AuditKind[] = [];
    const did = (kind: AuditKind) => recorded.push(kind);

    const adminCookie = await signIn(t, t.adminToken, '管理者');
    secrets.push(adminCookie.split('=')[1]!);
    did('signIn');
    expect((await send(t, 'POST', '/api/series', bearer(t.adminToken), { name: '営業定例', departments: ['営業'], language: 'ja', agendaTemplate: [], usualAttendees: [] })).status).toBe(201);
    did('settingsChanged');
    const id = await makeMeeting(t, {
      title: '監査テスト',
      status: 'live',
      fill: (doc) => {
        addDecision(doc, { text: '価格改定', decidedBy: '部長' });
        addActionItem(doc, { title: '見積書', owner: { name: '山田', department: '営業' }, dueDate: '2026-12-24' });
      },
    });
    did('meetingStarted');
    const participantLink = await createRoleLink(t, id, 'participant');
    const observerLink = await createRoleLink(t, id, 'observer');
    did('linkCreated');
    did('linkCreated');
    secrets.push(participantLink.token, observerLink.token);
    const guestCookie = await signIn(t, participantLink.token, '佐藤');
    secrets.push(guestCookie.split('=')[1]!);
    did('signIn');
    const again = await fetch(`${t.httpUrl}/api/session`, { method: 'POST', headers: { cookie: guestCookie, 'content-type': 'application/json', origin: t.httpUrl }, body: JSON.stringify({ token: observerLink.token }) });
    expect(again.status).toBe(200);
    did('signIn');
    did('roleChanged');
    const expired = new TokenSigner(Buffer.from(t.secret, 'utf8')).sign('link', { m: id, r: 'participant', k: 1, exp: Math.floor(Date.now() / 1000) - 60 });
    secrets.push(expired);
    expect((await send(t, 'POST', '/api/session', {}, { token: expired })).status).toBe(401);
    did('linkExpired');
    secrets.push(await fetchTicket(t, id)); // a ticket is a credential too

    expect((await send(t, 'POST', `/api/meetings/${id}/end`, bearer(t.adminToken))).status).toBe(200);
    did('meetingEnded');
    const format = formats.find((f) => f.content === 'minutes')!.id;
    expect((await fetch(`${t.httpUrl}/api/meetings/${id}/export/${format}`, { headers: adminHeaders(t) })).status).toBe(200);
    did('exported');
    expect((await send(t, 'POST', `/api/meetings/${id}/trackers/github/push`, bearer(t.adminToken), {})).status).toBe(200);
    did('trackerPushed');
    expect((await send(t, 'POST', `/api/meetings/${id}/links/rotate`, bearer(t.adminToken))).status).toBe(200);
    did('linksRevoked');
    await t.server.backups!.runNow(); // (waits for the one due at start)
    did('backupMade');
    const out = await send(t, 'DELETE', '/api/session', { cookie: adminCookie });
    expect(out.status).toBe(204);
    did('signOut');

    const { entries, raw } = await allEntries(t);
    const count = (list: readonly AuditKind[]) => Object.fromEntries(AUDIT_KINDS.map((k) => [k, list.filter((x) => x === k).length]).filter(([, n]) => n));
    const wanted = count(recorded);
    // The backup due at start may have run before runNow (two, then): every other kind exactly as done.
    const got = count(entries.map((e) => e.kind));
    expect({ ...got, backupMade: Math.min(got.backupMade ?? 0, 1) }).toEqual(wanted);
    for (const e of entries) {
      expect(Date.parse(e.at)).toBeGreaterThanOrEqual(started - 1000);
      if (e.actor) expect(e.from?.address, e.kind).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
    }
    const byKind = (k: AuditKind) => entries.filter((e) => e.kind === k);
    expect(byKind('signIn').map((e) => e.actor?.name).sort()).toEqual(['佐藤', '佐藤', '管理者']);
    expect(byKind('roleChanged')[0]).toMatchObject({ meetingId: id, actor: { name: '佐藤', role: 'observer' }, detail: { from: 'participant', to: 'observer' } });
    expect(byKind('linkCreated').map((e) => e.detail.role).sort()).toEqual(['observer', 'participant']);
    expect(byKind('linkCreated')[0]).toMatchObject({ meetingId: id, actor: { role: 'admin' } });
    expect(byKind('meetingEnded')[0]).toMatchObject({ meetingId: id, actor: { role: 'admin' } });
    expect(byKind('trackerPushed')[0]!.detail).toMatchObject({ tracker: 'github', created: 1, failed: 0 });
    expect(byKind('exported')[0]!.detail.format).toBe(format);
    expect(byKind('backupMade')[0]).toMatchObject({ actor: null, detail: { scheduled: true } });
    expect(byKind('linkExpired')[0]).toMatchObject({ actor: null, detail: { refused: 'signIn' } });
    expect(byKind('signOut')[0]!.actor?.id).toBe(byKind('signIn').find((e) => e.actor?.name === '管理者')!.actor?.id);

    // Never a token: not in what the API answers, not in the database file (nor its WAL).
    await t.server.close();
    const files = ['suishin.sqlite', 'suishin.sqlite-wal'].map((f) => join(t.dataDir, f)).filter(existsSync).map((f) => readFileSync(f));
    for (const secret of secrets) {
      expect(raw.includes(secret), 'in the API').toBe(false);
      for (const bytes of files) expect(bytes.includes(secret), 'in the database').toBe(false);
    }
    await tracker.close();
  }, 60_000);

  it('records failed scheduled backups, command-line backups (in the copy) and restores (in the restored folder)', async () => {
    const broken = join(makeTempDir(), 'a-file');
    writeFileSync(broken, 'not a folder');
    const f = await startTestServer({ env: { BACKUP_DIR: broken } });
    await f.server.backups!.runNow();
    const failed = (await allEntries(f, 'kind=backupFailed')).entries;
    expect(failed.length).toBeGreaterThanOrEqual(1);
    expect(failed[0]!.detail.message).toMatch(/EEXIST|ENOTDIR/);

    const file = join(makeTempDir(), 'b.sqlite');
    expect((await runCli('backup', [file], { DATA_DIR: f.dataDir })).code).toBe(0);
    expect((await allEntries(f, 'kind=backupMade')).entries).toHaveLength(0); // the live folder is never written by the CLI
    const target = join(makeTempDir(), 'restored');
    expect((await runCli('restore', [file], { DATA_DIR: target })).code).toBe(0);
    const log = openSqliteAuditLog({ dataDir: target });
    const restored = (await log.page({}, 100, null)).entries;
    await log.close();
    expect(restored.filter((e) => e.kind === 'restored')).toHaveLength(1);
    expect(restored.find((e) => e.kind === 'restored')).toMatchObject({ actor: null, from: { address: null, userAgent: expect.stringMatching(/^command line: /) }, detail: { file, meetings: 0, withSecret: false } });
    expect(restored.filter((e) => e.kind === 'backupMade' && e.detail.by === 'npm run backup')).toHaveLength(1);
  }, 60_000);

  it('GET /api/audit: the admin only, filtered by meeting, person and kind, every parameter checked', async () => {
    const t = await startTestServer();
    const a = await makeMeeting(t, { title: 'a' });
    const b = await makeMeeting(t, { title: 'b' });
    const linkA = await createRoleLink(t, a, 'participant');
    await createRoleLink(t, b, 'observer');
    await signIn(t, linkA.token, '鈴木');
    expect((await fetch(`${t.httpUrl}/api/audit`)).status).toBe(401);
    expect((await fetch(`${t.httpUrl}/api/audit`, { headers: bearer(linkA.token) })).status).toBe(403);
    expect((await allEntries(t, `meeting=${a}`)).entries.map((e) => e.kind).sort()).toEqual(['linkCreated', 'signIn']);
    expect((await allEntries(t, 'person=鈴木')).entries.map((e) => e.kind)).toEqual(['signIn']);
    expect((await allEntries(t, 'kind=linkCreated')).entries.map((e) => e.meetingId)).toEqual([b, a]);
    const suzuki = (await allEntries(t, 'person=鈴木')).entries[0]!.actor!.id!;
    expect((await allEntries(t, `person=${suzuki}`)).entries).toHaveLength(1);
    const first = (await apiGet(t, '/api/audit?limit=1')).json;
    expect(first.total).toEqual({ count: 3, capped: false });
    for (const [query, field] of [['kind=nope', 'kind'], ['limit=0', 'limit'], ['colour=red', 'colour'], ['meeting=a%00b', 'meeting'], [`cursor=${first.nextCursor}&kind=signIn`, 'cursor']] as const) {
      const res = await apiGet(t, `/api/audit?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.json.error.field, query).toBe(field);
    }
  });
});
