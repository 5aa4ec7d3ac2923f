import * as awarenessProtocol from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { Connection } from '../connection';
import { awarenessFrame } from '../protocolMessages';
import {
  decodeAwarenessUpdate,
  encodeAwarenessEntries,
  filterOwnAwareness,
  stampIdentity,
  type AwarenessLimits,
} from './awarenessGuard';
import { AwarenessBroadcast, type AwarenessBroadcastDelays } from './awarenessBroadcast';
import type { ClientOwners } from './clientOwners';

/**
 * Who is in the room and what they are doing (y-protocols awareness), with the server's guards:
 * each connection speaks for one client id only, never for an id another sign-in owns
 * (clientOwners.ts), and under the name and role of its credential, never ones it chose.
 * Changes are relayed merged (awarenessBroadcast.ts).
 */
export class RoomPresence {
  readonly awareness: awarenessProtocol.Awareness;
  private readonly broadcast: AwarenessBroadcast;

  constructor(
    doc: Y.Doc,
    private readonly connections: ReadonlySet<Connection>,
    private readonly owners: ClientOwners,
    private readonly limits: AwarenessLimits,
    delays?: AwarenessBroadcastDelays,
  ) {
    this.awareness = new awarenessProtocol.Awareness(doc);
    this.awareness.setLocalState(null);
    this.broadcast = new AwarenessBroadcast(
      this.awareness,
      (frame) => {
        for (const conn of this.connections) conn.send(frame);
      },
      delays,
    );
  }

  /** Sends everyone's current presence to a connection that just joined (nothing if the room is empty). */
  greet(conn: Connection) {
    const states = [...this.awareness.getStates().keys()];
    if (states.length > 0) conn.send(awarenessFrame(this.awareness, states));
  }

  /** Answers queryAwareness. */
  sendAll(conn: Connection) {
    conn.send(awarenessFrame(this.awareness, [...this.awareness.getStates().keys()]));
  }

  /** Applies an awareness update, keeping only the sender's own client. Throws if undecodable. */
  receive(conn: Connection, update: Uint8Array) {
    const entries = decodeAwarenessUpdate(update, this.limits);
    const { kept, clientId } = filterOwnAwareness<Connection | 'someone else'>(entries, conn, conn.awarenessClientId, (id) =>
      this.connectionShowing(id) ?? (this.owners.mayUseForPresence(conn.access.principal, id) ? undefined : 'someone else'),
    );
    conn.awarenessClientId = clientId;
    if (kept.length === 0) return;
    const identity = { name: conn.access.name, role: conn.access.role };
    const stamped = kept.map((entry) => ({ ...entry, stateJson: stampIdentity(entry.stateJson, identity) }));
    awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeAwarenessEntries(stamped), conn);
  }

  /** A connection left: its presence goes with it. */
  leave(conn: Connection) {
    if (conn.awarenessClientId !== null) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [conn.awarenessClientId], conn);
    }
  }

  destroy() {
    this.broadcast.destroy();
    this.awareness.destroy();
  }

  private connectionShowing(clientId: number): Connection | undefined {
    for (const c of this.connections) if (c.awarenessClientId === clientId) return c;
    return undefined;
  }
}
