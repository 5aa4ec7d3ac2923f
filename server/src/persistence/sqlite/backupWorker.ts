/**
 * One backup on a worker thread (backupFile.ts blocks the thread it runs on): workerData
 * { source, target } → posts { ok: BackupResult } or { error: message }, then ends.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { backupDatabase } from './backupFile';

const { source, target } = workerData as { source: string; target: string };
try {
  parentPort!.postMessage({ ok: backupDatabase(source, target) });
} catch (error) {
  parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error) });
}
