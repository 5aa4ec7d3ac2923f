import { PermissionDenied, UpdateRefused } from '@suishin/shared/protocol';

/**
 * What "saved" means, as a pure state machine: a local change is saved only once the server has
 * confirmed (message `saved`, see shared/src/protocol/messages.ts) that everything this client
 * sent before a save request is durable. The connection feeds it events; the UI reads
 * `saveStatus()`.
 */
export interface SaveState {
  /** Count of local document changes so far. */
  localSeq: number;
  /** Highest localSeq the server has confirmed as durable. */
  confirmedSeq: number;
  /** Save requests sent on the current socket, oldest first. */
  inFlight: ReadonlyArray<{ nonce: number; seq: number }>;
  nextNonce: number;
  /** True while a synced socket is open (requests can be sent and answered). */
  online: boolean;
  /** Reason from the server's `saveFailed`, cleared by the next confirmation. */
  failure: string | null;
  /**
   * Set when the server refused one of this tab's edits (`read-only`, `facilitator-only`): that
   * edit is in this tab's document but not on the server, so no later confirmation clears it;
   * only discarding the local copy does (MeetingConnection.discardLocalChanges).
   */
  refused: string | null;
}

export type SaveEvent =
  | { type: 'localChange' }
  | { type: 'online' }
  | { type: 'offline' }
  | { type: 'requestSent'; nonce: number }
  | { type: 'saved'; nonce: number }
  | { type: 'saveFailed'; reason: string };

/** `saved`: nothing unconfirmed. `saving`: waiting for the server. `offline`: kept on this device
 * only until the connection returns. `failed`: the server could not store it. */
export type SaveStatus = 'saved' | 'saving' | 'offline' | 'failed';

export const initialSaveState: SaveState = {
  localSeq: 0,
  confirmedSeq: 0,
  inFlight: [],
  nextNonce: 1,
  online: false,
  failure: null,
  refused: null,
};

const REFUSALS: ReadonlySet<string> = new Set([...Object.values(PermissionDenied), ...Object.values(UpdateRefused)]);

export function reduceSave(state: SaveState, event: SaveEvent): SaveState {
  switch (event.type) {
    case 'localChange':
      return { ...state, localSeq: state.localSeq + 1 };
    case 'online':
      return { ...state, online: true };
    case 'offline':
      // Requests on a closed socket are never answered; a new one is sent after resync.
      return { ...state, online: false, inFlight: [] };
    case 'requestSent':
      return {
        ...state,
        inFlight: [...state.inFlight, { nonce: event.nonce, seq: state.localSeq }],
        nextNonce: Math.max(state.nextNonce, event.nonce + 1),
      };
    case 'saved': {
      const request = state.inFlight.find((r) => r.nonce === event.nonce);
      if (!request) return state; // stale answer from an earlier socket
      return {
        ...state,
        confirmedSeq: Math.max(state.confirmedSeq, request.seq),
        inFlight: state.inFlight.filter((r) => r.nonce > event.nonce),
        failure: null,
      };
    }
    case 'saveFailed':
      if (REFUSALS.has(event.reason)) return { ...state, inFlight: [], refused: event.reason };
      return { ...state, inFlight: [], failure: event.reason };
  }
}

export function saveStatus(state: SaveState): SaveStatus {
  if (state.failure !== null || state.refused !== null) return 'failed';
  if (state.confirmedSeq >= state.localSeq) return 'saved';
  return state.online ? 'saving' : 'offline';
}

/**
 * Whether a save request should go out now: there are changes newer than anything already
 * requested or confirmed, and a synced socket to send it on.
 */
export function needsSaveRequest(state: SaveState): boolean {
  if (!state.online) return false;
  const requested = state.inFlight.reduce((max, r) => Math.max(max, r.seq), state.confirmedSeq);
  return state.localSeq > requested;
}
