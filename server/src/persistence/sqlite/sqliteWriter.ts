/**
 * The writer thread: owns the only connection that writes, so COMMIT's fsync blocks this thread
 * and never the server's event loop. Messages: { id, ops } → { id, results } | { id, error };
 * { close: true } closes the connection and ends the thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openConnection } from './connection';
import { createWriteExecutor, serializeWriteError, type WriteOp } from './writeOps';

export type WriterRequest = { id: number; ops: WriteOp[] } | { close: true };
export type WriterResponse =
  | { id: number; results: unknown[] }
  | { id: number; error: ReturnType<typeof serializeWriteError> };

const port = parentPort!;
const db = openConnection({ file: (workerData as { file: string }).file });
const runBatch = createWriteExecutor(db);

port.on('message', (message: WriterRequest) => {
  if ('close' in message) {
    db.close();
    port.close();
    return;
  }
  let response: WriterResponse;
  try {
    response = { id: message.id, results: runBatch(message.ops) };
  } catch (error) {
    response = { id: message.id, error: serializeWriteError(error) };
  }
  port.postMessage(response);
});
