/**
 * Unloading rooms a few at a time. When many rooms empty at once (a network blip, a deploy, the
 * end of a working day) each one persists its list row, folds its log into a snapshot (encoding
 * the whole document) and frees its memory. Done in the turn the sockets closed, 1,600 of those
 * stalled the event loop for over a second, and every other room's edits waited behind them. Here
 * each unload waits its turn: at most `concurrency` run at once, and starting the next one yields
 * to the event loop first (setImmediate), so I/O and other rooms' traffic are served in between.
 *
 * Nothing is less durable for waiting: every accepted update is in the store before it is
 * acknowledged; unloading only writes the list row and a snapshot of what the log already holds.
 * A room still waiting can be taken back (`cancel`) when someone joins it again.
 */
export class UnloadQueue {
  private readonly waiting: { run: () => Promise<void>; done: () => void }[] = [];
  private running = 0;
  private scheduled = false;

  constructor(private readonly concurrency = 4) {}

  /** Queues `run`; resolves once it has run (never rejects: `run` handles its own errors). Returns a canceller too. */
  add(run: () => Promise<void>): { done: Promise<void>; cancel(): boolean } {
    let entry!: { run: () => Promise<void>; done: () => void };
    const done = new Promise<void>((resolve) => (entry = { run, done: resolve }));
    this.waiting.push(entry);
    this.schedule();
    return {
      done,
      /** Takes the entry back if it has not started (true); `done` then resolves without it having run. */
      cancel: () => {
        const i = this.waiting.indexOf(entry);
        if (i === -1) return false;
        this.waiting.splice(i, 1);
        entry.done();
        return true;
      },
    };
  }

  get size() {
    return this.waiting.length + this.running;
  }

  private schedule() {
    if (this.scheduled || this.running >= this.concurrency || this.waiting.length === 0) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.startNext();
    });
  }

  private startNext() {
    const entry = this.waiting.shift();
    if (!entry) return;
    this.running++;
    const finish = () => {
      this.running--;
      entry.done();
      this.schedule();
    };
    entry.run().then(finish, finish);
    this.schedule(); // the next one, after a yield
  }
}
