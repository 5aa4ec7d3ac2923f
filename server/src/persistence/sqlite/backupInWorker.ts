import { Worker } from 'node:worker_threads';
import type { BackupResult } from './backupFile';

/** Runs backupDatabase on a worker thread, so the server's event loop never waits for the copy. */
export function backupInWorker(source: string, target: string): Promise<BackupResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(backupEntry(), { workerData: { source, target } });
    let settled = false;
    worker.once('message', (message: { ok: BackupResult } | { error: string }) => {
      settled = true;
      if ('ok' in message) resolve(message.ok);
      else reject(new Error(message.error));
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`backup thread exited with code ${code}`));
    });
  });
}

/**
 * The backup thread's entry: from sources a boot file that loads the TypeScript through tsx; in the
 * production build (build/bundle.ts) the bundled backupWorker.js next to this chunk in server/dist.
 */
function backupEntry(): URL {
  return import.meta.url.endsWith('.ts') ? new URL('./backupWorker.boot.mjs', import.meta.url) : new URL('./backupWorker.js', import.meta.url);
}
