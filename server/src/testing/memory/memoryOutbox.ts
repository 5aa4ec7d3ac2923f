/** An Outbox in memory, for tests and the outbox's contract. */
import type { Outbox, OutboxMessage } from '../../delivery/outbox';

/** `rows`: key → message (pass the same map to a second outbox: a restart). */
export function openMemoryOutbox(rows: Map<string, OutboxMessage> = new Map()): Outbox {
  const copy = (m: OutboxMessage): OutboxMessage => ({ ...m, body: structuredClone(m.body) });
  return {
    async enqueue(m, at) {
      if (rows.has(m.key)) return false;
      rows.set(m.key, { ...m, body: structuredClone(m.body), state: 'pending', attempts: 0, dueAt: at, lastError: null, sentId: null, createdAt: at });
      return true;
    },
    async claim(at) {
      const due = [...rows.values()]
        .filter((m) => m.state === 'pending' && m.dueAt <= at)
        .sort((a, b) => a.dueAt - b.dueAt || a.createdAt - b.createdAt || (a.key < b.key ? -1 : 1))[0];
      if (!due) return null;
      due.state = 'sending';
      due.attempts++;
      return copy(due);
    },
    async markSent(key, sentId) {
      const m = rows.get(key);
      if (m) Object.assign(m, { state: 'sent', sentId, lastError: null });
    },
    async markFailed(key, error, retryAt) {
      const m = rows.get(key);
      if (m) Object.assign(m, { state: retryAt === null ? 'failed' : 'pending', lastError: error, dueAt: retryAt ?? m.dueAt });
    },
    async inDoubt() {
      return [...rows.values()].filter((m) => m.state === 'sending').sort((a, b) => a.createdAt - b.createdAt || (a.key < b.key ? -1 : 1)).map(copy);
    },
    async problems() {
      return [...rows.values()]
        .filter((m) => m.state === 'failed' || (m.state === 'pending' && m.lastError !== null))
        .sort((a, b) => b.createdAt - a.createdAt || (a.key < b.key ? -1 : 1))
        .map(copy);
    },
    async get(key) {
      const m = rows.get(key);
      return m ? copy(m) : null;
    },
  };
}
