import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startMeeting, updateMeta } from '@suishin/shared';
import type { WorkspaceSettings } from '@suishin/shared/protocol';
import { changeMeeting } from '../testing/closingHelpers';
import { adminHeaders } from '../testing/serverAccess';
import { createMeetingViaApi, makeTempDir, startTestServer } from '../testing/testServer';

describe('the workspace time zone (one clock)', () => {
  it('is served to signed-in pages and put into index.html, and every file prints times in it whatever the language', async () => {
    const clientDist = makeTempDir();
    mkdirSync(clientDist, { recursive: true });
    writeFileSync(join(clientDist, 'index.html'), '<!doctype html><html><head><title>x</title></head><body></body></html>');
    const t = await startTestServer({ env: { WORKSPACE_TIME_ZONE: 'America/New_York', CLIENT_DIST: clientDist } });

    const settings = (await (await fetch(`${t.httpUrl}/api/workspace`, { headers: adminHeaders(t) })).json()) as WorkspaceSettings;
    expect(settings).toEqual({ timeZone: 'America/New_York', timeZoneSource: 'WORKSPACE_TIME_ZONE' });
    expect((await fetch(`${t.httpUrl}/api/workspace`)).status).toBe(401);
    const page = await (await fetch(`${t.httpUrl}/meetings/anything`)).text();
    expect(page).toContain('<meta name="suishin-time-zone" content="America/New_York" />');

    // A Japanese meeting started at 2026-07-01 00:44 UTC: 20:44 the evening before in New York.
    const id = await createMeetingViaApi(t, '定例');
    await changeMeeting(t, id, (doc) => {
      updateMeta(doc, { language: 'ja' });
      startMeeting(doc, Date.parse('2026-07-01T00:44:00Z'));
    });
    const minutes = await (await fetch(`${t.httpUrl}/api/meetings/${id}/export/minutes-markdown`, { headers: adminHeaders(t) })).text();
    expect(minutes).toContain('2026年6月30日(火) 20:44');
    expect(minutes).toContain('タイムゾーン:** 米国東部夏時間 (America/New\\_York)');
    const response = await fetch(`${t.httpUrl}/api/meetings/${id}/export/minutes-markdown?language=en`, { headers: adminHeaders(t) });
    expect(await response.text()).toContain('Tue, Jun 30, 2026, 20:44');
    expect(response.headers.get('content-disposition')).toContain('2026-06-30');
  });
});
