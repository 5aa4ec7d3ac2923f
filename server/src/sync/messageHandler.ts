/**
 * Decodes one frame from a client and dispatches it. Anything that does not decode, or a type a
 * client may not send, closes that connection only, with CloseCode.malformedMessage and a reason.
 */
import * as decoding from 'lib0/decoding';
import { CloseCode, MessageType } from '@suishin/shared';
import type { Logger } from '../logger';
import { MalformedAwarenessError } from './room/awarenessGuard';
import type { Connection } from './connection';
import type { Room } from './room/room';

class MalformedMessage extends Error {}

const SYNC_STEP1 = 0;
const SYNC_STEP2 = 1;
const SYNC_UPDATE = 2;

export function handleMessage(room: Room, conn: Connection, frame: Uint8Array, logger: Logger) {
  // Roles are checked on every frame: a revoked grant (rotated meeting key) ends the socket here,
  // even if the rotation's own close has not reached it yet.
  if (!conn.stillGranted()) {
    conn.close(CloseCode.forbidden, 'access revoked');
    return;
  }
  try {
    dispatch(room, conn, frame, logger);
  } catch (error) {
    if (error instanceof MalformedMessage || error instanceof MalformedAwarenessError) {
      conn.close(CloseCode.malformedMessage, error.message);
      return;
    }
    // lib0 decoding errors (unexpected end of array, integer out of range) land here too.
    conn.close(CloseCode.malformedMessage, `malformed message: ${(error as Error).message}`);
  }
}

function dispatch(room: Room, conn: Connection, frame: Uint8Array, logger: Logger) {
  if (frame.length === 0) throw new MalformedMessage('empty message');
  const decoder = decoding.createDecoder(frame);
  const type = decoding.readVarUint(decoder);
  switch (type) {
    case MessageType.sync: {
      const step = decoding.readVarUint(decoder);
      const payload = decoding.readVarUint8Array(decoder);
      expectEnd(decoder, frame);
      if (step === SYNC_STEP1) {
        let reply: Uint8Array;
        const started = performance.now();
        try {
          reply = room.syncStep2For(payload, conn.sentStateVector);
          conn.sentStateVector = null;
        } catch (error) {
          throw new MalformedMessage(`malformed state vector: ${(error as Error).message}`);
        }
        conn.send(reply);
        logger.debug('sync step 2 sent', {
          meetingId: room.meetingId,
          bytes: reply.length,
          ms: +(performance.now() - started).toFixed(2),
        });
      } else if (step === SYNC_STEP2 || step === SYNC_UPDATE) {
        const result = room.receiveUpdate(conn, payload);
        if (!result.ok) throw new MalformedMessage(result.reason);
      } else {
        throw new MalformedMessage(`unknown sync message type ${step}`);
      }
      return;
    }
    case MessageType.awareness: {
      const update = decoding.readVarUint8Array(decoder);
      expectEnd(decoder, frame);
      room.receiveAwareness(conn, update);
      return;
    }
    case MessageType.queryAwareness:
      expectEnd(decoder, frame);
      room.sendAllAwareness(conn);
      return;
    case MessageType.saveRequest: {
      const nonce = decoding.readVarUint(decoder);
      expectEnd(decoder, frame);
      room.requestSaveAck(conn, nonce);
      return;
    }
    default:
      throw new MalformedMessage(`unknown message type ${type}`);
  }
}

function expectEnd(decoder: decoding.Decoder, frame: Uint8Array) {
  if (decoder.pos !== frame.length) throw new MalformedMessage('trailing bytes after the message');
}

