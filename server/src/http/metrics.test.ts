/**
 * Integration: /metrics is not public (a bearer METRICS_TOKEN, else loopback callers only, never
 * through a proxy); a scrape parses as Prometheus text; its counters move under load.
 */
import { networkInterfaces } from 'node:os';
import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addAgendaItem } from '@suishin/shared';
import { openSqliteStore } from '../persistence/sqlite/sqliteStore';
import { StorageError } from '../persistence/store';
import { instrumentStore } from '../testing/instrumentedStore';
import { createRoleLink } from '../testing/serverAccess';
import { connectRaw, connectStockClient, isAttachedFrame, saveRequestFrame, syncUpdateFrame, waitForDoc } from '../testing/syncClients';
import { createMeetingViaApi, makeTempDir, startTestServer, type TestServer } from '../testing/testServer';

const METRICS_TOKEN = 'metrics-token-for-the-test-0123456789';

async function scrape(t: TestServer, headers: Record<string, string> = { authorization: `Bearer ${METRICS_TOKEN}` }) {
  const res = await fetch(`${t.httpUrl}/metrics`, { headers });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  const families = parsePrometheusTextFormat(await res.text());
  const value = (name: string, labels: Record<string, string> = {}) => {
    const family = families.find((f) => f.name === name);
    if (!family) return undefined;
    const sample = family.metrics.find((m) => Object.entries(labels).every(([k, v]) => m.labels?.[k] === v));
    return sample ? Number(sample.value ?? sample.count) : undefined;
  };
  const histogramCount = (name: string) => Number(families.find((f) => f.name === name)?.metrics[0]?.count ?? NaN);
  return { families, value, histogramCount };
}

describe('GET /metrics', () => {
  it('with METRICS_TOKEN: refused without it or with another (401), never through the API credential', async () => {
    const t = await startTestServer({ env: { METRICS_TOKEN } });
    expect((await fetch(`${t.httpUrl}/metrics`)).status).toBe(401);
    expect((await fetch(`${t.httpUrl}/metrics`, { headers: { authorization: 'Bearer wrong-token-wrong-token-wrong' } })).status).toBe(401);
    const admin = await fetch(`${t.httpUrl}/metrics`, { headers: { authorization: `Bearer ${t.adminToken}` } });
    expect(admin.status).toBe(401);
    expect(admin.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
    expect((await scrape(t)).families.length).toBeGreaterThan(5);
  });

  it('without METRICS_TOKEN: loopback callers only, and not through a proxy', async () => {
    const t = await startTestServer({ env: { HOST: '0.0.0.0' } });
    await scrape(t, {});
    expect((await fetch(`${t.httpUrl}/metrics`, { headers: { 'x-forwarded-for': '203.0.113.9' } })).status).toBe(403);
    expect((await fetch(`${t.httpUrl}/metrics`, { headers: { forwarded: 'for=203.0.113.9' } })).status).toBe(403);
    const external = Object.values(networkInterfaces()).flat().find((a) => a && a.family === 'IPv4' && !a.internal);
    if (external) {
      const res = await fetch(`http://${external.address}:${t.server.port}/metrics`);
      expect(res.status).toBe(403);
      expect(await res.text()).toContain('loopback callers only unless METRICS_TOKEN is set');
    }
  });

  it('counts rooms, connections by role, messages and bytes both ways, durable writes and save failures as they happen', async () => {
    const dataDir = makeTempDir();
    let diskFull = false;
    const store = instrumentStore(openSqliteStore({ dataDir }), {
      beforeAppend: () => {
        if (diskFull) throw new StorageError('appendUpdate failed: SQLITE_FULL');
      },
    });
    const t = await startTestServer({ dataDir, deps: { store }, env: { METRICS_TOKEN } });
    const before = await scrape(t);
    expect(before.value('suishin_open_rooms')).toBe(0);
    expect(before.value('suishin_connections', { role: 'facilitator' })).toBe(0);
    expect(before.value('suishin_save_failures_total')).toBe(0);
    expect(before.value('suishin_backup_age_seconds')).toBeUndefined(); // no BACKUP_DIR
    const durableBefore = before.histogramCount('suishin_durable_write_seconds');

    const id = await createMeetingViaApi(t);
    const link = await createRoleLink(t, id, 'participant');
    const facilitator = await connectStockClient(t, id);
    const participant = await connectStockClient(t, id, { token: link.token });
    for (let i = 0; i < 40; i++) addAgendaItem(participant.doc, { title: `item ${i}`, timeboxMinutes: 5 });
    await waitForDoc(facilitator.doc, (doc) => doc.getMap('agenda').size === 40, 'the relayed items');
    const during = await scrape(t);
    expect(during.value('suishin_open_rooms')).toBe(1);
    expect(during.value('suishin_connections', { role: 'facilitator' })).toBe(1);
    expect(during.value('suishin_connections', { role: 'participant' })).toBe(1);
    expect(during.value('suishin_connections', { role: 'observer' })).toBe(0);
    for (const direction of ['in', 'out']) {
      expect(during.value('suishin_sync_messages_total', { direction })!, direction).toBeGreaterThanOrEqual(40);
      expect(during.value('suishin_sync_bytes_total', { direction })!, direction).toBeGreaterThan(40 * 20);
      expect(during.value('suishin_sync_messages_total', { direction })!).toBeGreaterThan(before.value('suishin_sync_messages_total', { direction })!);
    }
    expect(during.histogramCount('suishin_durable_write_seconds')).toBeGreaterThan(durableBefore);
    expect(during.value('suishin_event_loop_max_stall_seconds')).toBeGreaterThanOrEqual(0);

    // A storage failure counts once.
    diskFull = true;
    const writer = await connectRaw(t, id);
    await writer.next(isAttachedFrame);
    const local = new Y.Doc();
    const updates: Uint8Array[] = [];
    local.on('update', (u: Uint8Array) => updates.push(u));
    addAgendaItem(local, { title: 'lost on a full disk' });
    writer.send(syncUpdateFrame(updates[0]!));
    writer.send(saveRequestFrame(1));
    await writer.closed;
    expect((await scrape(t)).value('suishin_save_failures_total')).toBe(1);
  });

  it('reports the age and size of the last scheduled backup', async () => {
    const t = await startTestServer({ env: { METRICS_TOKEN, BACKUP_DIR: makeTempDir() } });
    await t.server.backups!.runNow();
    const m = await scrape(t);
    expect(m.value('suishin_backup_age_seconds')).toBeGreaterThanOrEqual(0);
    expect(m.value('suishin_backup_age_seconds')).toBeLessThan(30);
    expect(m.value('suishin_backup_last_bytes')).toBe(t.server.backups!.status().lastBackup!.bytes);
    expect(m.value('suishin_backup_failures_total')).toBe(0);
  });
});
