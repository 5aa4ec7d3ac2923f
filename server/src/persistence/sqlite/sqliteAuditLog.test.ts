import Database from 'better-sqlite3';
import { join } from 'node:path';
import { expect, it, onTestFinished } from 'vitest';
import { runAuditLogContract } from '../../testing/contracts/auditLogContract';
import { makeTempDir } from '../../testing/testServer';
import { openSqliteAuditLog } from './sqliteAuditLog';

runAuditLogContract('sqlite', {
  storage: () => makeTempDir(),
  open: async (dir) => {
    const log = openSqliteAuditLog({ dataDir: dir });
    onTestFinished(() => log.close());
    return log;
  },
});

it('[audit-append-only] the table refuses changes to an entry', async () => {
  const dir = makeTempDir();
  const log = openSqliteAuditLog({ dataDir: dir });
  await log.append({ at: 1, kind: 'signIn', meetingId: null, actor: null, from: null, detail: {} });
  await log.close();
  const db = new Database(join(dir, 'suishin.sqlite'));
  onTestFinished(() => {
    db.close();
  });
  expect(() => db.prepare("UPDATE audit_log SET kind = 'signOut'").run()).toThrow('the audit log is append-only');
});
