import * as Y from 'yjs';
import { RootKey, checkTransactionShape, type ShapeOptions } from '@suishin/shared';

/** Origin of the server's own changes (applyServerChange): trusted, not shape-checked. */
const SERVER_CHANGE = Symbol('server-change');

/** What applying a client's update to the proving document did. */
export type ProvingResult =
  | {
      ok: true;
      /** The update's effective change (what Yjs reports), null when it brought nothing new. */
      effective: Uint8Array | null;
      /** Meta keys it changed (for the facilitation and ending rules), or null. */
      metaKeys: ReadonlySet<string | null> | null;
      /** What it breaks of the document's layout (documentShape.ts), or null. */
      shapeProblem: string | null;
      /** True when Yjs kept part of it pending: the caller must refuse it (and rebuild). */
      pending: boolean;
    }
  | { ok: false; reason: string };

/**
 * The room's scratch copy: the durable document plus the updates accepted but not yet durable.
 * Every incoming update is first applied here: Yjs can throw half-way through integrating a crafted
 * update, and a throw here only costs rebuilding this copy. What Yjs reports as the effective change
 * (its `update` event) is what gets stored, applied to the durable document and broadcast, so
 * garbage never reaches the log. Built lazily on the first incoming update, so rooms that are only
 * read stay cheap; `rebuild` drops it after a refusal, so nothing refused stays in it.
 */
export class ProvingDocument {
  private doc: Y.Doc | null = null;
  private metaKeys: Set<string | null> | null = null;
  private shapeProblem: string | null = null;

  constructor(
    /** The durable document's full state and the accepted updates not yet durable, to build from. */
    private readonly source: { fullState(): Uint8Array; inflight(): Iterable<Uint8Array> },
    private readonly shape: ShapeOptions,
    /** Called whenever the newest accepted meta may have changed (a transaction touched it, or a rebuild). */
    private readonly onMetaChanged: () => void,
  ) {}

  get built(): boolean {
    return this.doc !== null;
  }

  /** The scratch document, built if needed. */
  get current(): Y.Doc {
    if (!this.doc) {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, this.source.fullState());
      for (const update of this.source.inflight()) Y.applyUpdate(doc, update);
      const meta = doc.getMap(RootKey.meta) as unknown as Y.AbstractType<Y.YEvent<any>>; // eslint-disable-line @typescript-eslint/no-explicit-any
      doc.on('afterTransaction', (tr: Y.Transaction) => {
        if (tr.origin !== SERVER_CHANGE) this.shapeProblem ??= checkTransactionShape(tr, this.shape);
        const keys = tr.changed.get(meta);
        if (!keys) return;
        this.onMetaChanged();
        this.metaKeys ??= new Set();
        for (const key of keys) this.metaKeys.add(key);
      });
      this.doc = doc;
      this.onMetaChanged();
    }
    return this.doc;
  }

  /** Applies a client's update (that passed the structural and reach checks). */
  applyClientUpdate(update: Uint8Array): ProvingResult {
    const doc = this.current;
    const captured = capture(doc);
    this.metaKeys = null;
    this.shapeProblem = null;
    try {
      Y.applyUpdate(doc, update);
    } catch (error) {
      this.rebuild(); // it may hold part of the update now
      return { ok: false, reason: `update rejected by Yjs: ${(error as Error).message}` };
    } finally {
      captured.stop();
    }
    return {
      ok: true,
      effective: captured.effective(),
      metaKeys: this.metaKeys,
      shapeProblem: this.shapeProblem,
      pending: doc.store.pendingStructs !== null || doc.store.pendingDs !== null,
    };
  }

  /**
   * Runs the server's own change in one transaction (after every update accepted so far). If
   * `change` throws, the copy is rebuilt and the error rethrown.
   */
  applyServerChange<T>(change: (doc: Y.Doc) => T): { result: T; effective: Uint8Array | null; clientId: number } {
    const doc = this.current;
    const captured = capture(doc);
    try {
      const result = doc.transact(() => change(doc), SERVER_CHANGE);
      return { result, effective: captured.effective(), clientId: doc.clientID };
    } catch (error) {
      this.rebuild(); // `change` may have written part of its transaction
      throw error;
    } finally {
      captured.stop();
    }
  }

  /** Applies an update that is already durable (a remote instance's), if the copy is built. */
  applyDurable(update: Uint8Array) {
    if (this.doc) Y.applyUpdate(this.doc, update);
  }

  /** Drops the copy: it is built again, from durable state plus what is in flight, when next needed. */
  rebuild() {
    this.doc?.destroy();
    this.doc = null;
    this.onMetaChanged();
  }

  destroy() {
    this.doc?.destroy();
    this.doc = null;
  }
}

/** Collects the effective updates of `doc`'s transactions until stopped. */
function capture(doc: Y.Doc) {
  let effective: Uint8Array | null = null;
  const listener = (u: Uint8Array) => {
    effective = effective ? Y.mergeUpdates([effective, u]) : u;
  };
  doc.on('update', listener);
  return {
    effective: () => effective,
    stop: () => doc.off('update', listener),
  };
}
