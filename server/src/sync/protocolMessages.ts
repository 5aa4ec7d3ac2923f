/** Encoders for the frames the server sends (y-websocket protocol plus Suishin's save acks). */
import * as encoding from 'lib0/encoding';
import * as authProtocol from 'y-protocols/auth';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { MessageType } from '@suishin/shared';

const frame = (write: (encoder: encoding.Encoder) => void) => {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
};

export const syncStep1Frame = (doc: Y.Doc) =>
  frame((e) => {
    encoding.writeVarUint(e, MessageType.sync);
    syncProtocol.writeSyncStep1(e, doc);
  });

/** SyncStep2 answering a client's state vector: what the server has that the client lacks. */
export const syncStep2Frame = (doc: Y.Doc, stateVector: Uint8Array) => syncStep2FrameOf(Y.encodeStateAsUpdate(doc, stateVector));

/** SyncStep2 carrying `update`. */
export const syncStep2FrameOf = (update: Uint8Array) =>
  frame((e) => {
    encoding.writeVarUint(e, MessageType.sync);
    encoding.writeVarUint(e, syncProtocol.messageYjsSyncStep2);
    encoding.writeVarUint8Array(e, update);
  });

export const updateFrame = (update: Uint8Array) =>
  frame((e) => {
    encoding.writeVarUint(e, MessageType.sync);
    encoding.writeVarUint(e, syncProtocol.messageYjsUpdate);
    encoding.writeVarUint8Array(e, update);
  });

export const awarenessFrame = (awareness: awarenessProtocol.Awareness, clients: number[]) =>
  frame((e) => {
    encoding.writeVarUint(e, MessageType.awareness);
    encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
  });

export const savedFrame = (nonce: number) =>
  frame((e) => {
    encoding.writeVarUint(e, MessageType.saved);
    encoding.writeVarUint(e, nonce);
  });

export const saveFailedFrame = (reason: string) =>
  frame((e) => {
    encoding.writeVarUint(e, MessageType.saveFailed);
    encoding.writeVarString(e, reason);
  });

/** y-protocols/auth "permission denied": the update was dropped; the socket stays open (writePermission.ts). */
export const permissionDeniedFrame = (reason: string) =>
  frame((e) => {
    encoding.writeVarUint(e, MessageType.auth);
    authProtocol.writePermissionDenied(e, reason);
  });
