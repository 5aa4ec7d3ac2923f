/**
 * The outbox surviving a SIGKILL between "sent" and "recorded": a child process sends a message
 * to a real SMTP server and is killed before it records it; a second run finds it in doubt and
 * sends nothing again, while the next message goes out once. No duplicate reaches the server.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SMTPServer } from 'smtp-server';
import { expect, it, onTestFinished } from 'vitest';
import { openFollowThroughDb } from '../projections/sqlite/followThroughDb';
import { sqliteOutbox } from '../persistence/sqlite/sqliteOutbox';
import { makeTempDir } from '../testing/testServer';

const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');

function run(env: Record<string, string>): Promise<{ code: number | string; stdout: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/cli/sendOutbox.ts'], { cwd: REPO_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code: code ?? signal ?? 'unknown', stdout })));
}

it('a SIGKILL between sent and recorded never delivers twice', { timeout: 60_000 }, async () => {
  const ids: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _s, cb) {
      let raw = '';
      stream.on('data', (c: Buffer) => (raw += c.toString()));
      stream.on('end', () => {
        ids.push(/^Message-ID:\s*(\S+)/im.exec(raw)?.[1] ?? '?');
        cb();
      });
    },
  });
  server.listen(0, '127.0.0.1');
  await once(server.server, 'listening');
  onTestFinished(() => new Promise<void>((r) => server.close(() => r())));
  const SMTP_URL = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;

  const dataDir = makeTempDir();
  const { db } = openFollowThroughDb(dataDir);
  const outbox = sqliteOutbox(db);
  const body = { subject: '期限のお知らせ', text: 'x', html: '<p>x</p>' };
  await outbox.enqueue({ key: 'a', channel: 'email', to: 'sato@example.jp', body }, 1);
  db.close();

  const killed = await run({ DATA_DIR: dataDir, SMTP_URL, SUISHIN_TEST_KILL_AFTER_SEND: '1' });
  expect(killed.code).toBe('SIGKILL');
  expect(ids).toHaveLength(1); // it did reach the server, and was not recorded

  const reopened = openFollowThroughDb(dataDir).db;
  const box = sqliteOutbox(reopened);
  expect((await box.get('a'))?.state).toBe('sending');
  await box.enqueue({ key: 'b', channel: 'email', to: 'lee@example.com', body }, 2);
  reopened.close();

  const second = await run({ DATA_DIR: dataDir, SMTP_URL });
  expect(second.code).toBe(0);
  expect(second.stdout).toMatch(/in doubt .*: a → sato@example.jp/);
  expect(ids).toHaveLength(2); // b once; a not again
  expect(new Set(ids).size).toBe(2);
});
