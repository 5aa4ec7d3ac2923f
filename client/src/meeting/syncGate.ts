import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { WebsocketProvider } from 'y-websocket';
import { MessageType } from '@suishin/shared';
import { CompositionGate } from './compositionGate';

/** y-protocols/sync sub-types. */
const SYNC_STEP1 = 0;

type Handler = WebsocketProvider['messageHandlers'][number];

interface HeldMessage {
  handler: Handler;
  messageType: number;
  /** The message after its type byte, copied (the socket's buffer is not ours to keep). */
  body: Uint8Array;
  emitSynced: boolean;
  /** The socket it came on; a held SyncStep2 only marks the provider synced on that same socket. */
  socket: WebSocket | null;
}

/**
 * Puts a CompositionGate (see compositionGate.ts for the why) between the stock y-websocket
 * provider and the document:
 * - incoming `sync` messages that change the document (SyncStep2, Update) and `awareness`
 *   messages (they move other people's carets, which redraws editor decorations) are held while
 *   the gate holds. SyncStep1 is answered at once: it only reads the document.
 * - the provider's own doc→socket listener is replaced by one that goes through the gate, so
 *   local updates are sent at once, or held and sent merged when the composition ends.
 * `onOutgoingFlushed` runs after held updates went out (the connection then asks for a save ack).
 */
export function installCompositionGate(
  provider: WebsocketProvider,
  onOutgoingFlushed: () => void,
): { gate: CompositionGate<HeldMessage, Uint8Array>; uninstall(): void } {
  const { doc } = provider;
  const originalSync = provider.messageHandlers[MessageType.sync]!;
  const originalAwareness = provider.messageHandlers[MessageType.awareness]!;
  const sendUpdate = provider._updateHandler;

  const gate = new CompositionGate<HeldMessage, Uint8Array>({
    applyIncoming(message) {
      const encoder = encoding.createEncoder();
      const decoder = decoding.createDecoder(message.body);
      const sameSocket = message.socket === provider.ws;
      message.handler(encoder, decoder, provider, message.emitSynced && sameSocket, message.messageType);
      // SyncStep2, Update and awareness never produce a reply, so the encoder is dropped.
    },
    sendOutgoing(batch, held) {
      sendUpdate(batch.length === 1 ? batch[0]! : Y.mergeUpdates(batch as Uint8Array[]), null);
      if (held) onOutgoingFlushed();
    },
  });

  const hold = (handler: Handler, isHoldable: (decoder: decoding.Decoder) => boolean): Handler =>
    (encoder, decoder, p, emitSynced, messageType) => {
      if (!gate.holding || !isHoldable(decoder)) {
        handler(encoder, decoder, p, emitSynced, messageType);
        return;
      }
      gate.incoming({
        handler,
        messageType,
        body: decoder.arr.slice(decoder.pos),
        emitSynced,
        socket: provider.ws,
      });
    };

  provider.messageHandlers[MessageType.sync] = hold(originalSync, (decoder) => decoding.peekVarUint(decoder) !== SYNC_STEP1);
  provider.messageHandlers[MessageType.awareness] = hold(originalAwareness, () => true);

  const onLocalUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === provider) return; // came from the server
    gate.outgoing(update);
  };
  doc.off('update', sendUpdate);
  doc.on('update', onLocalUpdate);

  return {
    gate,
    uninstall() {
      doc.off('update', onLocalUpdate);
      provider.messageHandlers[MessageType.sync] = originalSync;
      provider.messageHandlers[MessageType.awareness] = originalAwareness;
    },
  };
}
