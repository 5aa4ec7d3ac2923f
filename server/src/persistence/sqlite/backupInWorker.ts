import { Worker } from 'node:worker_threads';
import type { BackupResult } from './backupFile';

/** Runs backupDatabase on a worker thread, so the server's event loop never waits for the copy. */
export function backupInWorker(source: string, target: string): Promise<BackupResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./backupWorker.boot.mjs', import.meta.url), { workerData: { source, target } });
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
