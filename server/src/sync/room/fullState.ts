import * as Y from 'yjs';
import { syncStep2Frame, syncStep2FrameOf } from '../protocolMessages';

/**
 * A room's durable document as one update, and the SyncStep2 frame carrying it, until the document
 * changes. A client with nothing (a new tab, the 50 people opening the meeting at 10:00) needs
 * exactly this: it is encoded once per change of the document instead of once per joiner.
 */
export class FullStateCache {
  private cached: { update: Uint8Array; frame: Uint8Array | null } | null;

  /** `loaded`: the stored snapshot when it alone is the document (already its full state). */
  constructor(
    private readonly doc: Y.Doc,
    loaded: Uint8Array | null,
  ) {
    this.cached = loaded ? { update: loaded, frame: null } : null;
    // afterTransaction, not 'update': with an 'update' listener Yjs would encode every change
    // of `doc` as an update, only for it to be dropped here.
    doc.on('afterTransaction', () => {
      this.cached = null;
    });
  }

  get update(): Uint8Array {
    this.cached ??= { update: Y.encodeStateAsUpdate(this.doc), frame: null };
    return this.cached.update;
  }

  /**
   * The SyncStep2 answering a client's SyncStep1: what the document has that the client's state
   * vector lacks. `alreadySent`: the state vector of what the client was sent before it asked
   * (Connection.sentStateVector).
   */
  syncStep2For(stateVector: Uint8Array, alreadySent: Uint8Array | null): Uint8Array {
    if (alreadySent) return syncStep2Frame(this.doc, mergeStateVectors(stateVector, alreadySent));
    if (!isEmptyStateVector(stateVector)) return syncStep2Frame(this.doc, stateVector);
    const update = this.update;
    const cached = this.cached!;
    cached.frame ??= syncStep2FrameOf(update);
    return cached.frame;
  }
}

/** An empty state vector (a client that has nothing yet) encodes as a single 0. */
function isEmptyStateVector(stateVector: Uint8Array): boolean {
  return stateVector.length === 1 && stateVector[0] === 0;
}

/** The state vector of a client that has everything either vector says it has. */
function mergeStateVectors(a: Uint8Array, b: Uint8Array): Uint8Array {
  const merged = Y.decodeStateVector(a);
  for (const [client, clock] of Y.decodeStateVector(b)) merged.set(client, Math.max(clock, merged.get(client) ?? 0));
  return Y.encodeStateVector(merged);
}
