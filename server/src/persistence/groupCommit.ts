/**
 * Group commit: every write requested during one tick is handed to the adapter as one batch
 * (one transaction), flushed at setImmediate. Each caller's promise settles when its batch has
 * committed, so a caller is told exactly when its own write is durable.
 *
 * Batches never overlap: writes requested while a batch is committing form the next batch, so
 * batches grow when commits are slow (a slow fsync) and shrink to one write when the load is
 * light. Adapter-neutral: SQLite commits on its writer thread; PostgreSQL would await COMMIT.
 */

interface Pending<Op> {
  op: Op;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

export interface GroupCommitOptions<Op> {
  /**
   * Runs all operations inside one transaction and returns their results in order.
   * If it throws (or rejects), the whole transaction must have been rolled back.
   */
  commitBatch(ops: Op[]): unknown[] | Promise<unknown[]>;
  /** Largest number of operations in one transaction. */
  maxBatch?: number;
}

export class GroupCommit<Op> {
  private queue: Pending<Op>[] = [];
  private scheduled = false;
  private running: Promise<void> | null = null;
  private idleWaiters: (() => void)[] = [];
  private readonly maxBatch: number;

  constructor(private readonly options: GroupCommitOptions<Op>) {
    this.maxBatch = options.maxBatch ?? 5000;
  }

  submit<R>(op: Op): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ op, resolve: resolve as (v: unknown) => void, reject });
      this.schedule();
    });
  }

  /** Resolves once everything submitted so far has settled. */
  flush(): Promise<void> {
    if (this.queue.length === 0 && !this.running) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private schedule() {
    if (this.scheduled || this.running) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.running = this.drain().finally(() => {
        this.running = null;
        if (this.queue.length > 0) this.schedule();
        else this.notifyIdle();
      });
    });
  }

  private notifyIdle() {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }

  private async drain() {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxBatch);
      try {
        const results = await this.options.commitBatch(batch.map((p) => p.op));
        batch.forEach((p, i) => p.resolve(results[i]));
      } catch (batchError) {
        // One bad operation must not fail its neighbours: retry each one in its own transaction.
        for (const p of batch) {
          try {
            const [result] = await this.options.commitBatch([p.op]);
            p.resolve(result);
          } catch (error) {
            p.reject(error ?? batchError);
          }
        }
      }
    }
  }
}
