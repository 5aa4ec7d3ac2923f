/**
 * Who may change a meeting's document: the rule the room applies to EVERY SyncStep2 and Update a
 * client sends (not only at connect), in this order:
 *
 * 1. A connection whose grant was revoked (its meeting key was rotated) is closed with 4403 before
 *    any of its frames is handled (messageHandler).
 * 2. Observers never write. Their updates are dropped unread: never applied, stored or relayed.
 * 3. Once the meeting's status is `ended`, nobody writes, facilitators and the admin included. The
 *    status is read from the room's newest accepted state (changes accepted but not yet durable
 *    count), so every update handled after the server's ending change (rule 5) is refused, on every
 *    socket that is already open.
 * 4. Only facilitators change facilitation state (FACILITATOR_ONLY_META_FIELDS: status, timer,
 *    running item, start and end times). An update from anyone else that touches one of those fields
 *    is dropped whole; this is checked after applying it to the room's scratch document, which is
 *    then rebuilt without it.
 * 5. No client's update ends the meeting, a facilitator's included: meetings end through
 *    POST /api/meetings/:id/end, which checks the closing checklist on the room's newest state and
 *    stamps the server's clock (closing/closingService.ts). Checked like rule 4.
 * A dropped update is answered with a y-protocols/auth "permission denied" message (reason
 * `read-only`, `facilitator-only` or `end-through-closing`, at most once a second per connection); the socket stays open, and
 * SyncStep1, awareness and save requests are still answered; the sender's next save request is
 * answered `saveFailed(<reason>)` when the dropped update would have changed the document.
 *
 * Cost per message: two field reads and one cached boolean (rules 1–3); rule 4 looks at the set of
 * meta keys Yjs reports as changed by the transaction, which it computes anyway.
 */
import {
  FACILITATOR_ONLY_META_FIELDS,
  PermissionDenied,
  UpdateRefused,
  roleAtLeast,
  type Role,
} from '@suishin/shared';

export type WriteRefusal = (typeof PermissionDenied)[keyof typeof PermissionDenied];

/**
 * Before any rule above, whoever sends it, an update is dropped (and the sender told, as above)
 * when it cannot be applied as it is: it reaches past what the meeting has (updateReach.ts), it
 * writes under another sign-in's client id (clientOwners.ts), or a record it changes breaks the
 * document's layout (shared's documentShape.ts).
 */
export type UpdateRefusal = (typeof UpdateRefused)[keyof typeof UpdateRefused];
export const UpdateRefusal = UpdateRefused;

/**
 * Layout refusals a connection may get before it is closed as malformed: each costs rebuilding the
 * room's scratch document, and a real client gets at most one (its later edits build on the refused
 * one, so they are refused as out of range, which costs nothing).
 */
export const MAX_INVALID_UPDATES = 3;

/** Rules 2 and 3: null when `role` may write to a meeting that has (not) ended. */
export function refuseWrite(role: Role, meetingEnded: boolean): WriteRefusal | null {
  if (role === 'observer' || meetingEnded) return PermissionDenied.readOnly;
  return null;
}

const FACILITATION_FIELDS: ReadonlySet<string> = new Set(FACILITATOR_ONLY_META_FIELDS);

/** Rule 4: null when `role` may make a change that touched `changedMetaKeys`. */
export function refuseMetaChange(role: Role, changedMetaKeys: ReadonlySet<string | null> | null): WriteRefusal | null {
  if (changedMetaKeys === null || roleAtLeast(role, 'facilitator')) return null;
  for (const key of changedMetaKeys) if (key !== null && FACILITATION_FIELDS.has(key)) return PermissionDenied.facilitatorOnly;
  return null;
}

/** How often a connection is told again that its updates are refused. */
export const DENIAL_NOTICE_INTERVAL_MS = 1000;

/** Rule 5: null unless the change touched the status and the meeting has now ended (read only then). */
export function refuseEnding(changedMetaKeys: ReadonlySet<string | null> | null, endedNow: () => boolean): WriteRefusal | null {
  return changedMetaKeys?.has('status') && endedNow() ? PermissionDenied.endThroughClosing : null;
}
