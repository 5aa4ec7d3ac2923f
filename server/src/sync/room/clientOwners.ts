/**
 * Which principal (one sign-in: a browser session, a script's bearer credential) each Yjs client id
 * of a meeting belongs to. A client id is bound to the principal that first writes content under
 * it, and the binding is stored with that content (the update and its claim commit in one
 * transaction), so it survives restarts. Anyone else's update with new content under that id is
 * refused: writing structs under another client's id takes the clocks that client will use next,
 * and Yjs then silently drops that client's real edits as duplicates.
 *
 * A browser keeps its client id while its page lives, across reconnects: its socket reconnects
 * under the same session (the cookie), so it writes on as the same principal. A reload starts a new
 * client id. Edits kept offline in IndexedDB under an older id of the same session are accepted
 * from any of that session's tabs.
 *
 * Ids that no write has claimed yet are also held by the principal whose presence (awareness) uses
 * them, for as long as the room is open: presence shows a client id to everyone before its owner's
 * first edit, and that must not let someone else claim it first.
 */
export class ClientOwners {
  private readonly owners: Map<number, string>;
  private readonly presence = new Map<number, string>();

  constructor(stored: Iterable<readonly [number, string]>) {
    this.owners = new Map(stored);
  }

  /**
   * Null when `principal` may write new content under every id in `clients`; otherwise the id it
   * may not. Claims the free ones in memory (`claimed` gets them, to be stored with the update).
   */
  claim(principal: string, clients: readonly number[], claimed: [number, string][]): number | null {
    for (const client of clients) {
      const owner = this.owners.get(client) ?? this.presence.get(client);
      if (owner !== undefined && owner !== principal) return client;
    }
    for (const client of clients) {
      if (this.owners.has(client)) continue;
      this.owners.set(client, principal);
      claimed.push([client, principal]);
    }
    return null;
  }

  /** The server's own writes (applyServerChange) claim their client id for the server. */
  claimForServer(client: number, claimed: [number, string][]) {
    if (this.owners.has(client)) return;
    this.owners.set(client, SERVER_PRINCIPAL);
    claimed.push([client, SERVER_PRINCIPAL]);
  }

  /** Whether `principal` may show presence under `client` (not another principal's id). */
  mayUseForPresence(principal: string, client: number): boolean {
    const owner = this.owners.get(client) ?? this.presence.get(client);
    if (owner !== undefined && owner !== principal) return false;
    this.presence.set(client, principal);
    return true;
  }
}

/** The principal of changes the server makes itself. No credential ever has it. */
export const SERVER_PRINCIPAL = 'server';
