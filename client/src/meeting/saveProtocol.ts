import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { MessageType } from '@suishin/shared';

/** `[saveRequest, nonce]`: "tell me when everything I sent before this is durable". */
export function encodeSaveRequest(nonce: number): Uint8Array<ArrayBuffer> {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.saveRequest);
  encoding.writeVarUint(encoder, nonce);
  return encoding.toUint8Array(encoder) as Uint8Array<ArrayBuffer>;
}

export const readSavedNonce = (decoder: decoding.Decoder): number => decoding.readVarUint(decoder);
export const readSaveFailedReason = (decoder: decoding.Decoder): string => decoding.readVarString(decoder);
