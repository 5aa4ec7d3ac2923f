/**
 * WebSocket message types spoken at /sync/<meetingId>.
 *
 * 0–3 are the standard y-websocket protocol (y-protocols), so the stock `WebsocketProvider`
 * works unchanged. 100+ are Suishin's own, and the server only ever *answers* them: a stock
 * client never sends one, so it never receives one.
 */
export const MessageType = {
  /** y-protocols/sync: SyncStep1, SyncStep2, Update. */
  sync: 0,
  /** y-protocols/awareness update. */
  awareness: 1,
  /** y-protocols/auth (permission denied). */
  auth: 2,
  /** Ask the server to send its full awareness state. */
  queryAwareness: 3,
  /**
   * Client → server: `varUint nonce`. "Tell me when everything I sent before this is durable."
   * The server handles a connection's messages in order, so once the write batch holding the
   * connection's earlier updates has committed it answers with `saved` carrying the same nonce.
   */
  saveRequest: 100,
  /** Server → client: `varUint nonce`. Every update this connection sent before the nonce is durable. */
  saved: 101,
  /**
   * Server → client: `varString reason`. The reason an edit of this connection was refused: a
   * PermissionDenied value (`read-only`, `facilitator-only`, `end-through-closing`) or an
   * UpdateRefused value (`out-of-range`, `client-id-taken`, `invalid-record`), see access.ts; or
   * storage failed (any other text: nothing after the last `saved` is durable).
   */
  saveFailed: 102,
} as const;

export type MessageTypeName = keyof typeof MessageType;

/** URL path prefix of the sync endpoint; the room name (meeting id) follows it. */
export const SYNC_PATH = '/sync';
