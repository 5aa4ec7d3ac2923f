import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addActionItem, addDecision, endMeeting, initMeeting, setClosingOverride } from '@suishin/shared';
import { REPO_ROOT } from '../config';
import { openSqliteStore } from '../persistence/sqlite/sqliteStore';
import { makeTempDir } from '../testing/testServer';
import { runExportCli } from './export';

async function storedMeeting(dataDir: string): Promise<string> {
  const doc = new Y.Doc();
  initMeeting(doc, { title: '週次定例, "営業"', language: 'ja' });
  addDecision(doc, { text: '価格改定を7月に実施', decidedBy: '部長' });
  const action = addActionItem(doc, { title: '=SUM(A1)', owner: { name: '山田', department: '営業部' } });
  setClosingOverride(doc, `action-due-date:${action}`, { reason: '来週決める' }, 1);
  endMeeting(doc, Date.parse('2025-07-01T02:00:00Z'));
  const store = openSqliteStore({ dataDir });
  await store.createMeeting('m-cli', Y.encodeStateAsUpdate(doc), { title: 'x', status: 'ended', scheduledStart: null });
  await store.close();
  return 'm-cli';
}

function run(argv: string[], env: Record<string, string | undefined>) {
  const out: Uint8Array[] = [];
  let err = '';
  return runExportCli(argv, {
    env,
    stdout: (data) => out.push(typeof data === 'string' ? Buffer.from(data) : data),
    stderr: (text) => void (err += text),
  }).then((code) => ({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: err }));
}

describe('pnpm export', () => {
  it('writes a format to stdout or to a file, from the store under DATA_DIR', async () => {
    const dataDir = makeTempDir();
    const id = await storedMeeting(dataDir);
    const env = { DATA_DIR: dataDir, PUBLIC_URL: 'https://suishin.example.co.jp' };

    const csv = await run([id, '--format', 'jira-csv'], env);
    expect(csv.code).toBe(0);
    expect(csv.stdout.startsWith('\uFEFF"Issue Type","Summary"')).toBe(true);
    expect(csv.stdout).toContain(`"'=SUM(A1)"`);
    expect(csv.stdout).toContain(`https://suishin.example.co.jp/meetings/${id}`);

    const out = join(dataDir, 'minutes.md');
    const md = await run([id, '-f', 'minutes-markdown', '--out', out, '--language', 'en'], env);
    expect(md.code).toBe(0);
    expect(md.stderr).toContain(`to ${out}`);
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('Decisions');
    expect(text).toContain('来週決める');

    const list = await run(['--list'], env);
    expect(list.stdout).toBe(`${id}\tended\tx\n`);
  });

  it('explains bad usage (2) and an unknown meeting or missing database (1)', async () => {
    const dataDir = makeTempDir();
    expect((await run(['m', '--format', 'json'], { DATA_DIR: dataDir })).code).toBe(1); // no database yet
    const id = await storedMeeting(dataDir);
    const env = { DATA_DIR: dataDir };
    const unknownFormat = await run([id, '--format', 'pdf'], env);
    expect(unknownFormat).toMatchObject({ code: 2, stderr: expect.stringContaining('unknown format "pdf"') });
    expect((await run([id], env)).stderr).toContain('give --format');
    expect((await run(['--bogus'], env)).code).toBe(2);
    const unknown = await run(['nope', '--format', 'jira-csv'], env);
    expect(unknown).toMatchObject({ code: 1, stderr: expect.stringContaining('unknown meeting nope') });
  });

  it('runs as the root package script', async () => {
    const dataDir = makeTempDir();
    const id = await storedMeeting(dataDir);
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'server/src/cli/export.ts', id, '--format', 'action-items-json'], {
      cwd: REPO_ROOT,
      env: { ...process.env, DATA_DIR: dataDir, PUBLIC_URL: '' },
    });
    const json = JSON.parse(stdout) as { meeting: { title: string; url: string }; actionItems: unknown[] };
    expect(json.meeting.title).toBe('週次定例, "営業"');
    expect(json.meeting.url).toBe(`http://localhost:${process.env.PORT || '8787'}/meetings/${id}`);
    expect(json.actionItems).toHaveLength(1);
  });
});
