/**
 * Awareness ownership: a connection may only set or remove the awareness state of its own client.
 *
 * The stock client echoes every awareness change it sees (other clients' states included), so
 * entries naming other clients are expected and are dropped silently, not treated as an attack.
 * A connection's own clientID is bound by the first entry it sends for a client that no other
 * open connection owns (the stock client's first awareness frame is its own state). Without this,
 * any client could delete or forge another's presence (yjs/y-websocket#126).
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

export interface AwarenessEntry {
  clientId: number;
  clock: number;
  /** The JSON text of the state ("null" removes it). */
  stateJson: string;
}

export class MalformedAwarenessError extends Error {
  override name = 'MalformedAwarenessError';
}

export interface AwarenessLimits {
  maxEntries: number;
  maxStateBytes: number;
}

export function decodeAwarenessUpdate(update: Uint8Array, limits: AwarenessLimits): AwarenessEntry[] {
  try {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    if (count > limits.maxEntries) throw new MalformedAwarenessError(`awareness update names ${count} clients`);
    const entries: AwarenessEntry[] = [];
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const start = decoder.pos;
      const stateJson = decoding.readVarString(decoder);
      if (decoder.pos - start > limits.maxStateBytes) {
        throw new MalformedAwarenessError(`awareness state larger than ${limits.maxStateBytes} bytes`);
      }
      JSON.parse(stateJson);
      entries.push({ clientId, clock, stateJson });
    }
    if (decoder.pos !== update.length) throw new MalformedAwarenessError('trailing bytes after awareness update');
    return entries;
  } catch (error) {
    if (error instanceof MalformedAwarenessError) throw error;
    throw new MalformedAwarenessError(`undecodable awareness update: ${(error as Error).message}`);
  }
}

export function encodeAwarenessEntries(entries: AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const e of entries) {
    encoding.writeVarUint(encoder, e.clientId);
    encoding.writeVarUint(encoder, e.clock);
    encoding.writeVarString(encoder, e.stateJson);
  }
  return encoding.toUint8Array(encoder);
}

/**
 * Keeps the entries `owner` may apply. `ownerOf(id)` tells which open connection owns a client id.
 * Returns the kept entries and the client id the owner claims (bound on first use).
 */
export function filterOwnAwareness<C>(
  entries: AwarenessEntry[],
  owner: C,
  currentClientId: number | null,
  ownerOf: (clientId: number) => C | undefined,
): { kept: AwarenessEntry[]; clientId: number | null } {
  let clientId = currentClientId;
  const kept: AwarenessEntry[] = [];
  for (const entry of entries) {
    if (clientId === null) {
      const existing = ownerOf(entry.clientId);
      if (existing !== undefined && existing !== owner) continue;
      clientId = entry.clientId;
    }
    if (entry.clientId === clientId) kept.push(entry);
  }
  return { kept, clientId };
}

/**
 * Overwrites the identity fields of an awareness state with the sender's credential: `user.name`
 * and `user.role` (other `user` fields such as the caret colour are the client's). A `user` that is
 * not an object is removed. So a client can never show up under someone else's name or role.
 * `name` null (a session that has not chosen one yet) removes the name, and with it the person's
 * presence in the UI, rather than letting the client choose.
 */
export function stampIdentity(stateJson: string, identity: { name: string | null; role: string }): string {
  const state: unknown = JSON.parse(stateJson);
  if (typeof state !== 'object' || state === null || Array.isArray(state) || !('user' in state)) return stateJson;
  const record = state as Record<string, unknown>;
  const user = record.user;
  if (typeof user !== 'object' || user === null || Array.isArray(user)) {
    delete record.user;
  } else {
    const stamped: Record<string, unknown> = { ...(user as Record<string, unknown>), role: identity.role };
    if (identity.name === null) delete stamped.name;
    else stamped.name = identity.name;
    record.user = stamped;
  }
  return JSON.stringify(record);
}
