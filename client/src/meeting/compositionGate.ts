/**
 * Holding sync traffic back while someone types through an IME.
 *
 * Why: ProseMirror + Yjs break under Japanese (and Chinese, Korean) input when the document
 * changes underneath an open composition (yjs/y-prosemirror#81, PR #107). y-tiptap applies every
 * remote update by replacing the editor's whole document, which tears the DOM out from under the
 * IME: characters are lost or doubled and the caret jumps. Mid-composition text ("かいぎ" before it
 * becomes "会議") would also be sent to everyone and then replaced.
 *
 * The design, in one place for the whole meeting connection (see `installCompositionGate` in
 * `syncGate.ts` for the wiring and `compositionWatcher.ts` for the DOM side):
 * - While any editor or field on the page is composing, incoming sync and awareness messages are
 *   queued instead of applied, so nothing re-renders the editor or moves the caret.
 * - Local document updates are still applied to the local Y.Doc at once (the editor needs them,
 *   and IndexedDB keeps them), but are not *sent* until the composition is over; then the queued
 *   updates go out as one merged update, so peers see "会議", never "かいぎ".
 * - When the composition settles (shortly after `compositionend`, once ProseMirror has read the
 *   committed text), the incoming queue is applied in arrival order, then the outgoing batch is
 *   sent. Yjs updates commute, so applying late is always correct: it only changes *when* the
 *   other person's keystrokes appear (a second or two at most), never *what* the document becomes.
 * - Save requests wait for the outgoing batch, so "saved" never covers updates still held here.
 *
 * This class is only the queue; it knows nothing of the DOM, sockets or timers.
 */
export interface CompositionGateSinks<In, Out> {
  /** Apply one incoming message now (it was received while the gate was open, or is being flushed). */
  applyIncoming(message: In): void;
  /**
   * Send local updates: one at a time while the gate is open (`held` false), or everything that
   * was held, in order, once the gate opens (`held` true).
   */
  sendOutgoing(batch: readonly Out[], held: boolean): void;
}

export class CompositionGate<In, Out> {
  private holds = 0;
  private readonly incomingQueue: In[] = [];
  private readonly outgoingQueue: Out[] = [];

  constructor(private readonly sinks: CompositionGateSinks<In, Out>) {}

  /** True while at least one composition holds the gate. */
  get holding(): boolean {
    return this.holds > 0;
  }

  /** Local updates not yet sent because of a composition. */
  get pendingOutgoing(): number {
    return this.outgoingQueue.length;
  }

  get pendingIncoming(): number {
    return this.incomingQueue.length;
  }

  /** A composition started. Holds nest: the gate opens when every hold is released. */
  hold(): void {
    this.holds += 1;
  }

  /** A composition ended (or was abandoned). Opening the gate flushes both queues. */
  release(): void {
    if (this.holds === 0) return;
    this.holds -= 1;
    if (this.holds === 0) this.flush();
  }

  /** Drops every hold and flushes (e.g. the page lost focus, or a hold outlived its limit). */
  releaseAll(): void {
    if (this.holds === 0) return;
    this.holds = 0;
    this.flush();
  }

  incoming(message: In): void {
    if (this.holds > 0) this.incomingQueue.push(message);
    else this.sinks.applyIncoming(message);
  }

  outgoing(update: Out): void {
    if (this.holds > 0) this.outgoingQueue.push(update);
    else this.sinks.sendOutgoing([update], false);
  }

  private flush(): void {
    // Applying a message may start nothing new, but a sink could re-enter (e.g. an observer that
    // writes); take the queues first so re-entrant calls see an open, empty gate.
    const incoming = this.incomingQueue.splice(0);
    const outgoing = this.outgoingQueue.splice(0);
    for (const message of incoming) {
      try {
        this.sinks.applyIncoming(message);
      } catch (error) {
        // One bad message must not strand the rest of the queue.
        console.error('could not apply a held sync message', error);
      }
    }
    if (outgoing.length > 0) this.sinks.sendOutgoing(outgoing, true);
  }
}
