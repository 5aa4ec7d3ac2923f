/** `pnpm export report`: the file of a real server's data, parsed (parse5 for HTML, marked for the Markdown tables). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { byTag, findAll, markdownTables, parseHtmlDocument } from '@suishin/shared/export/testing';
import { seedReportBodies } from '../testing/reportSeed';
import { startTestServer } from '../testing/testServer';
import { runExportCli } from './export';

function run(argv: string[], env: Record<string, string | undefined>) {
  const out: Uint8Array[] = [];
  let err = '';
  return runExportCli(argv, { env, stdout: (d) => out.push(typeof d === 'string' ? Buffer.from(d) : d), stderr: (t) => void (err += t) }).then((code) => ({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: err }));
}

describe('pnpm export report', () => {
  it('writes the HTML and Markdown report of a body and its child, and explains bad usage', async () => {
    const t = await startTestServer();
    const { top, from, to } = await seedReportBodies(t);
    const env = { DATA_DIR: t.dataDir };
    const out = join(t.dataDir, 'report.html');
    const html = await run(['report', '--series', top.id, '--from', from, '--to', to, '--out', out], env);
    expect(html.code, html.stderr).toBe(0);
    const doc = parseHtmlDocument(readFileSync(out, 'utf8'));
    expect(findAll(doc, byTag('h2')).map((h) => h.text)).toEqual(['対象会議体', '1. KPIの推移と目標', '2. アクションアイテムの実行状況', '3. 主な決定事項']);
    expect(findAll(doc, byTag('li')).map((li) => li.text)).toEqual(['経営会議', '週次KPIレビュー']);
    expect(findAll(doc, byTag('svg'))).toHaveLength(1);
    expect(findAll(doc, byTag('main'))[0]!.text).toContain('値引きは10%まで');

    const md = await run(['report', '--series', top.id, '--from', from, '--to', to, '--format', 'md'], env);
    expect(md.code).toBe(0);
    const owners = markdownTables(md.stdout).find((x) => x[0]![0] === '担当者');
    expect(owners).toEqual([['担当者', '部門', '期限超過', '未完了'], ['田中', '製品', '1', '1']]);

    expect((await run(['report', '--series', top.id, '--from', 'yesterday', '--to', to], env)).code).toBe(2);
    expect((await run(['report', '--series', top.id, '--from', from, '--to', to, '--format', 'pdf'], env)).stderr).toMatch(/unknown format "pdf"/);
    expect((await run(['report', '--series', top.id, '--from', to, '--to', from], env)).code).toBe(2);
    const unknown = await run(['report', '--series', 'nope', '--from', from, '--to', to], env);
    expect([unknown.code, unknown.stderr]).toEqual([1, 'unknown series nope\n']);
  });
});
