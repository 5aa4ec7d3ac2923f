import * as Y from 'yjs';

/**
 * Whether an update integrates completely into a document with state vector `known`, and which
 * clients it writes new content for.
 *
 * Yjs keeps what it cannot integrate yet: structs whose clock starts past the document's state, or
 * whose origin or parent it lacks, wait in `store.pendingStructs`; delete ranges past the state wait
 * in `store.pendingDs`. They are applied inside whichever later transaction supplies what was
 * missing, so a client sending `{victim: [clock, clock + 100000)}` would have the victim's next
 * edits deleted inside the victim's own transaction, past every check made on it. The room refuses
 * such an update before applying it. The rule is Yjs' own (its `getMissing` and
 * `readAndApplyDeleteSet`): everything an update references must be in the document or in the update.
 *
 * Reads the update with Y.decodeUpdate; call it on updates that passed the structural check
 * (updateValidation.ts).
 */
export type UpdateReach =
  | { ok: true; writtenClients: number[] }
  | { ok: false; reason: string };

/** `known(client)`: the document's clock for `client` (Y.getState). */
export function checkReach(known: (client: number) => number, update: Uint8Array): UpdateReach {
  const { structs, ds } = Y.decodeUpdate(update);
  // Per client, how far its clock reaches once the update's structs are integrated.
  const reach = new Map<number, number>();
  const written: number[] = [];
  const byClient = new Map<number, (Y.Item | Y.GC | Y.Skip)[]>();
  for (const struct of structs) {
    const list = byClient.get(struct.id.client);
    if (list) list.push(struct);
    else byClient.set(struct.id.client, [struct]);
  }
  for (const [client, list] of byClient) {
    const before = known(client);
    let end = before;
    for (const struct of list.sort((a, b) => a.id.clock - b.id.clock)) {
      if (struct instanceof Y.Skip) continue; // a gap in the update, not content
      if (struct.id.clock > end) return { ok: false, reason: `client ${client} continues at clock ${struct.id.clock}, the meeting has it up to ${end}` };
      end = Math.max(end, struct.id.clock + struct.length);
    }
    reach.set(client, end);
    if (end > before) written.push(client);
  }
  const reached = (client: number) => reach.get(client) ?? known(client);
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue;
    for (const ref of [struct.origin, struct.rightOrigin, struct.parent]) {
      if (ref instanceof Y.ID && ref.clock >= reached(ref.client)) {
        return { ok: false, reason: `refers to ${ref.client}:${ref.clock}, which the meeting does not have` };
      }
    }
  }
  for (const [client, ranges] of ds.clients) {
    const end = reached(client);
    for (const range of ranges) {
      if (range.clock + range.len > end) {
        return { ok: false, reason: `deletes ${client}:${range.clock}–${range.clock + range.len}, past what the meeting has (${end})` };
      }
    }
  }
  return { ok: true, writtenClients: written };
}
