import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runStoreContract } from '../../testing/contracts/meetingStoreContract';
import { openSqliteStore } from './sqliteStore';

let dirs: string[] = [];

runStoreContract('sqlite', {
  async open() {
    const dir = mkdtempSync(join(tmpdir(), 'suishin-store-'));
    dirs.push(dir);
    return openSqliteStore({ dataDir: dir });
  },
  async reopen(store) {
    await store.close();
    return openSqliteStore({ dataDir: dirs[dirs.length - 1]! });
  },
  async cleanup() {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    dirs = [];
  },
});
