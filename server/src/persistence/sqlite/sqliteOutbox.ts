/** The outbox in SQLite, in the people register's file and schema (delivery/outbox.ts says what it does). */
import type Database from 'better-sqlite3';
import type { Outbox, OutboxMessage } from '../../delivery/outbox';
import { migratePeople } from './peopleSchema';

interface Row {
  msg_key: string;
  channel: OutboxMessage['channel'];
  recipient: string;
  body: string;
  state: OutboxMessage['state'];
  attempts: number;
  due_at: number;
  last_error: string | null;
  sent_id: string | null;
  created_at: number;
}

const toMessage = (r: Row): OutboxMessage => ({
  key: r.msg_key,
  channel: r.channel,
  to: r.recipient,
  body: JSON.parse(r.body),
  state: r.state,
  attempts: r.attempts,
  dueAt: r.due_at,
  lastError: r.last_error,
  sentId: r.sent_id,
  createdAt: r.created_at,
});

export function sqliteOutbox(db: Database.Database): Outbox {
  migratePeople(db);
  const insert = db.prepare("INSERT INTO outbox (msg_key, channel, recipient, body, state, attempts, due_at, created_at) VALUES (?, ?, ?, ?, 'pending', 0, ?, ?) ON CONFLICT (msg_key) DO NOTHING");
  const claim = db.prepare<[number], Row>(
    "UPDATE outbox SET state = 'sending', attempts = attempts + 1 WHERE msg_key = (SELECT msg_key FROM outbox WHERE state = 'pending' AND due_at <= ? ORDER BY due_at, created_at, msg_key LIMIT 1) RETURNING *",
  );
  const sent = db.prepare("UPDATE outbox SET state = 'sent', sent_id = ?, last_error = NULL WHERE msg_key = ?");
  const failed = db.prepare('UPDATE outbox SET state = ?, last_error = ?, due_at = coalesce(?, due_at) WHERE msg_key = ?');
  const byState = db.prepare<[], Row>("SELECT * FROM outbox WHERE state = 'sending' ORDER BY created_at, msg_key");
  const problems = db.prepare<[], Row>("SELECT * FROM outbox WHERE state = 'failed' OR (state = 'pending' AND last_error IS NOT NULL) ORDER BY created_at DESC, msg_key");
  const one = db.prepare<[string], Row>('SELECT * FROM outbox WHERE msg_key = ?');
  return {
    async enqueue(m, at) {
      return insert.run(m.key, m.channel, m.to, JSON.stringify(m.body), at, at).changes > 0;
    },
    async claim(at) {
      const r = claim.get(at);
      return r ? toMessage(r) : null;
    },
    async markSent(key, sentId) {
      sent.run(sentId, key);
    },
    async markFailed(key, error, retryAt) {
      failed.run(retryAt === null ? 'failed' : 'pending', error, retryAt, key);
    },
    async inDoubt() {
      return byState.all().map(toMessage);
    },
    async problems() {
      return problems.all().map(toMessage);
    },
    async get(key) {
      const r = one.get(key);
      return r ? toMessage(r) : null;
    },
  };
}
