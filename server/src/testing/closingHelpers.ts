/** Helpers for the closing and export integration tests. */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { onTestFinished } from 'vitest';
import type * as Y from 'yjs';
import type { TestServer } from './testServer';

/** Changes a meeting as the server would (the room's durable path), e.g. to set up its content. */
export async function changeMeeting(t: TestServer, meetingId: string, change: (doc: Y.Doc) => void): Promise<void> {
  const done = await t.server.rooms.withRoom(meetingId, (room) => room.applyServerChange(change));
  if (done === null) throw new Error(`unknown meeting ${meetingId}`);
}

/** A read-only connection to the server's SQLite file, to look at the projection tables. */
export function openProjectionReader(dataDir: string): Database.Database {
  const db = new Database(join(dataDir, 'suishin.sqlite'), { readonly: true });
  onTestFinished(() => {
    db.close();
  });
  return db;
}

export async function postJson(url: string, body: unknown = {}, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });
}
