/**
 * WebSocket close codes the sync server uses, with the reason text it sends.
 * 1xxx are RFC 6455; 4xxx are application codes (mirroring HTTP status where one fits),
 * so a client can tell "retry later" from "this will never work".
 */
export const CloseCode = {
  /** Server shutting down (SIGTERM); clients should reconnect with backoff. */
  serviceRestart: 1012,
  /**
   * Retry later: the server is overloaded, the client did not read what it was sent, or it sent
   * far more than its rate limit for too long (it was throttled first; see connection.ts).
   */
  tryAgainLater: 1013,
  /** Something failed on the server while handling the connection (a bug); reconnecting may help. */
  internalError: 1011,
  /** Frame larger than the configured maximum (ws sends this itself for maxPayload). */
  messageTooBig: 1009,
  /** The frame could not be decoded, or Yjs rejected the update it carried. */
  malformedMessage: 4400,
  /** The credential is missing or invalid, or it expired while the socket was open ("access expired"). */
  unauthorized: 4401,
  /** The credential is valid but does not allow this. */
  forbidden: 4403,
  /** No meeting with this id exists. */
  unknownMeeting: 4404,
  /**
   * The meeting was saved by a newer version of Suishin than this server (its document's schema
   * version is one this code does not know): it is not opened, so nothing older can corrupt it.
   * Reconnecting cannot help until the server is upgraded.
   */
  newerDocument: 4426,
  /** The admin moved the meeting to the trash: every socket is closed and none is let in until it is restored. */
  meetingDeleted: 4410,
  /** The room could not be loaded from storage; stored data is untouched. Retry later. */
  loadFailed: 4500,
  /** Storage failed while the room was open. */
  storageFailed: 4503,
} as const;

export type CloseCodeName = keyof typeof CloseCode;

/** Close codes after which reconnecting cannot help. */
export const PERMANENT_CLOSE_CODES: ReadonlySet<number> = new Set([
  CloseCode.unauthorized,
  CloseCode.forbidden,
  CloseCode.unknownMeeting,
  CloseCode.newerDocument,
  CloseCode.meetingDeleted,
]);
