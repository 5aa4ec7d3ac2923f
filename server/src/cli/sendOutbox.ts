/**
 * Sends what the outbox holds now, once, and exits: `node --import tsx server/src/cli/sendOutbox.ts`
 * with DATA_DIR and SMTP_URL (SMTP_FROM). Reports messages left in doubt by an earlier crash
 * (claimed, never recorded) instead of sending them again. SUISHIN_TEST_KILL_AFTER_SEND=1 (tests
 * only) kills the process between "sent" and "recorded".
 */
import { openFollowThroughDb } from '../projections/sqlite/followThroughDb';
import { sqliteOutbox } from '../persistence/sqlite/sqliteOutbox';
import { smtpSender } from '../delivery/emailSender';
import { drainOutbox } from '../delivery/outboxWorker';

const dataDir = process.env.DATA_DIR ?? './data';
const { db } = openFollowThroughDb(dataDir);
const outbox = sqliteOutbox(db);
const url = process.env.SMTP_URL;
const email = url ? smtpSender({ url, from: process.env.SMTP_FROM ?? 'noreply@suishin.local' }) : undefined;
const doubt = await outbox.inDoubt();
for (const m of doubt) console.log(`in doubt (claimed, never recorded; not re-sent): ${m.key} → ${m.to}`);
const result = await drainOutbox({
  outbox,
  senders: email ? { email } : {},
  afterSend: process.env.SUISHIN_TEST_KILL_AFTER_SEND === '1' ? () => process.kill(process.pid, 'SIGKILL') : undefined,
});
console.log(JSON.stringify({ ...result, inDoubt: doubt.length }));
email?.close();
db.close();
