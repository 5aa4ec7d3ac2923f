/**
 * The seam where a room's durable updates leave this process and other instances' come in. A room
 * publishes each update once it is durable (never before: what others see is stored), and applies
 * what it receives as durable state, relaying it to its connections. The default relay is this
 * process alone: nothing to publish to, nothing to receive. The scale-out issue plugs its own in.
 */
export interface RoomRelay {
  /** A durable update of `meetingId`, stored under `seq`. */
  publish(meetingId: string, update: Uint8Array, seq: number): void;
  /** Calls `onRemote` with every update another instance stored for `meetingId`; returns unsubscribe. */
  subscribe(meetingId: string, onRemote: (update: Uint8Array, seq: number) => void): () => void;
}

export const inProcessRelay: RoomRelay = {
  publish() {},
  subscribe() {
    return () => undefined;
  },
};
