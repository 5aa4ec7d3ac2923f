/**
 * Meetings created at the same time (an import, a bench, several admins) each get a 201: the meeting
 * store's writer thread, the projection store and the follow-through index write the same SQLite
 * file from three connections, and a read-then-write transaction that started as a reader must not
 * fail with "database is locked" when another connection wrote meanwhile (SQLITE_BUSY_SNAPSHOT,
 * which no busy timeout waits out): the writes begin IMMEDIATE.
 */
import { describe, expect, it } from 'vitest';
import { adminHeaders } from '../testing/serverAccess';
import { startTestServer } from '../testing/testServer';

describe('creating meetings concurrently', () => {
  it('answers 201 to 60 creations sent at once, and lists every one', async () => {
    const server = await startTestServer();
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        fetch(`${server.httpUrl}/api/meetings`, {
          method: 'POST',
          headers: { ...adminHeaders(server), 'content-type': 'application/json' },
          body: JSON.stringify({ title: `Meeting ${i}` }),
        }).then(async (res) => ({ status: res.status, body: (await res.json()) as { id?: string } })),
      ),
    );
    expect(answers.filter((a) => a.status !== 201)).toEqual([]);
    const ids = new Set(answers.map((a) => a.body.id));
    expect(ids.size).toBe(60);
  });
});
