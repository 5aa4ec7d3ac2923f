import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { IndexeddbPersistence } from 'y-indexeddb';
import { CloseCode, MessageType, PERMANENT_CLOSE_CODES, TICKET_QUERY_KEY, isMeetingInitialized, observeMeeting, type MeetingSection } from '@suishin/shared';
import type { Awareness } from 'y-protocols/awareness';
import { DEFAULT_BACKOFF, fullJitterDelay } from './backoff';
import { takePrefetchedDocument } from './documentPrefetch';
import { watchCompositions } from './compositionWatcher';
import { createStore, type ExternalStore, type WritableStore } from './externalStore';
import { peersFromStates, samePeers, type Editing, type Peer, type PresenceUser } from './presence';
import { trackJoinedPeople } from './joinedPeople';
import { serverClock } from './serverClock';
import { installCompositionGate } from './syncGate';
import { watchSilence } from './silenceWatchdog';
import { SectionViews } from './sectionViews';
import { encodeSaveRequest, readSaveFailedReason, readSavedNonce } from './saveProtocol';
import { initialSaveState, needsSaveRequest, reduceSave, type SaveEvent, type SaveState } from './saveState';

/**
 * `connecting`: first socket being opened. `syncing`: socket open, exchanging state.
 * `live`: in sync with the server. `reconnecting`: the socket closed; retrying after a jittered
 * delay (edits are kept on this device meanwhile; `noNetwork` says when the browser has none, and
 * then it retries as soon as the network is back). `refused`: the server said retrying cannot help
 * (unknown meeting, no permission).
 */
export type ConnectionPhase = 'connecting' | 'syncing' | 'live' | 'reconnecting' | 'refused';

export interface ConnectionStatus {
  phase: ConnectionPhase;
  /** Epoch ms of the next reconnect attempt while `reconnecting`. */
  retryAt: number | null;
  /** Close code and reason of the last server close, if any. */
  closeCode: number | null;
  closeReason: string;
  /** The browser says it has no network (its `offline` event): waiting for it, not for the server. */
  noNetwork: boolean;
}

export type { MeetingSection } from '@suishin/shared';

/** User-timing marks (`suishin:connect`, `:prefetched`, `:socket-open`, `:synced`) that e2e/bench reads. */
const mark = (name: string) => performance.mark(`suishin:${name}`);

/** y-protocols/auth message subtype. */
const PERMISSION_DENIED = 0;

/** A `queryAwareness` frame: the silence watchdog's probe, which the server answers at once. */
const QUERY_AWARENESS = encoding.encode((encoder) => encoding.writeVarUint(encoder, MessageType.queryAwareness));

/** How long local changes are coalesced before one save request is sent. */
const SAVE_REQUEST_DELAY_MS = 120;

export interface ConnectionOptions {
  /**
   * A single-use socket ticket for each attempt, for a screen that connects with a credential of
   * its own instead of the session cookie (the projector's observer link); null: the credential
   * opens nothing any more (revoked, expired).
   */
  socketTicket?: () => Promise<string | null>;
  /** A read-only screen keeps no copy on this device (it would load another tab's unsaved edits) and shows no presence. */
  readOnlyScreen?: boolean;
}

/**
 * One meeting's live document: a Y.Doc synced to the server over the stock y-websocket provider
 * and cached in IndexedDB for offline edits. Lives outside React (see `registry.ts`), so
 * StrictMode's double effects and remounts never tear the socket down.
 */
export class MeetingConnection {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  private readonly local: IndexeddbPersistence | null;

  private readonly statusStore: WritableStore<ConnectionStatus> = createStore<ConnectionStatus>({
    phase: 'connecting',
    retryAt: null,
    closeCode: null,
    closeReason: '',
    noNetwork: false,
  });
  private readonly saveStore: WritableStore<SaveState> = createStore(initialSaveState);
  /** True once the document holds the meeting: loaded from this device or synced from the server. */
  private readonly readyStore: WritableStore<boolean> = createStore(false);
  private readonly peersStore: WritableStore<readonly Peer[]> = createStore<readonly Peer[]>([]);
  /** Everyone who joined while this page had the room open (attendance from presence). */
  readonly joined = trackJoinedPeople(this.peersStore);
  /**
   * The reason the server last gave for dropping this client's updates (y-protocols/auth
   * "permission denied": `read-only`, `facilitator-only`), or null. Cleared on each new socket:
   * the server says it again at once if it still holds.
   */
  private readonly deniedStore: WritableStore<string | null> = createStore<string | null>(null);
  private readonly compositionGate: ReturnType<typeof installCompositionGate>;
  private readonly stopWatchingCompositions: () => void;
  private readonly stopWatchingSilence: () => void;

  private attempt = 0;
  private socketOpenedAt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private saveTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly stopObserving: () => void;
  private readonly sections = new SectionViews(this.doc);
  private destroyed = false;

  constructor(readonly meetingId: string, serverUrl: string, private readonly options: ConnectionOptions = {}) {
    this.local = options.readOnlyScreen ? null : new IndexeddbPersistence(`suishin-meeting:${meetingId}`, this.doc);
    this.local?.whenSynced.then(
      () => {
        if (this.hasContent()) this.readyStore.set(true);
      },
      () => {},
    );

    this.provider = new WebsocketProvider(serverUrl, meetingId, this.doc, {
      connect: false,
      // No BroadcastChannel between this browser's tabs: the server relays every edit to them
      // anyway, so the channel only doubled each message's path (and republished the whole
      // document to it on each sync, work on the load's critical path).
      disableBc: true,
      // Every server close comes to `onClosed`, which applies our own jittered backoff.
      shouldReconnect: () => false,
    });
    this.provider.messageHandlers[MessageType.saved] = (_encoder, decoder) =>
      this.dispatchSave({ type: 'saved', nonce: readSavedNonce(decoder) });
    this.provider.messageHandlers[MessageType.saveFailed] = (_encoder, decoder) =>
      this.dispatchSave({ type: 'saveFailed', reason: readSaveFailedReason(decoder) });
    this.provider.messageHandlers[MessageType.auth] = (_encoder, decoder) => {
      if (decoding.readVarUint(decoder) === PERMISSION_DENIED) this.deniedStore.set(decoding.readVarString(decoder));
    };

    this.provider.on('status', ({ status }) => {
      if (status === 'connected') mark('socket-open');
      if (status === 'connected') this.socketOpenedAt = Date.now();
      if (status === 'connected') this.deniedStore.set(null);
      // After a lost connection it is "reconnecting" until in sync again: an open socket that never syncs is no better.
      if (status === 'connected') this.setPhase(this.attempt > 0 ? 'reconnecting' : 'syncing');
      else if (status === 'connecting') this.setPhase(this.attempt > 0 ? 'reconnecting' : 'connecting');
    });
    this.provider.on('sync', (synced) => {
      if (!synced) return;
      mark('synced');
      this.attempt = 0;
      this.readyStore.set(true);
      this.statusStore.set({ ...this.statusStore.get(), phase: 'live', retryAt: null, noNetwork: false });
      this.dispatchSave({ type: 'online' });
      this.scheduleSaveRequest(0);
      // After a reconnect the clocks may have drifted (or the laptop slept): measure again.
      void serverClock.sync(true);
    });
    this.provider.on('connection-close', () => this.dispatchSave({ type: 'offline' }));
    // Typing through an IME holds sync traffic back until the composition ends: see compositionGate.ts.
    this.compositionGate = installCompositionGate(this.provider, () => this.scheduleSaveRequest(0));
    this.stopWatchingCompositions = watchCompositions(window, this.compositionGate.gate);
    this.awareness.on('change', this.onAwarenessChange);
    this.provider.on('closed', ({ code, reason }) => this.onClosed(code, reason));

    this.doc.on('update', this.onDocUpdate);
    this.stopObserving = observeMeeting(this.doc, (sections) => {
      if (!this.readyStore.get() && this.hasContent()) this.readyStore.set(true);
      this.sections.changed(sections);
    });

    // The document fetched while the page loaded (documentPrefetch.ts). Applied as if the socket
    // had brought it (it is the server's state): not sent back, not a local change to save.
    takePrefetchedDocument(meetingId)?.then((update) => {
      if (!update || this.destroyed) return;
      try {
        Y.applyUpdate(this.doc, update, this.provider);
        mark('prefetched');
      } catch {
        // Unreadable: the socket's sync brings the document anyway.
      }
    });

    // A vanished network: the browser's own word when it has one, else a silent socket.
    this.stopWatchingSilence = watchSilence({
      open: () => this.provider.wsconnected,
      // A socket that opened but never synced (its sync lost on the way) counts as silent since it opened.
      lastReceived: () => (this.provider.synced ? this.provider.wsLastMessageReceived : this.socketOpenedAt),
      probe: () => this.provider.ws?.send(QUERY_AWARENESS),
      drop: () => this.dropSocket(),
    });
    window.addEventListener('online', this.onBrowserOnline);
    window.addEventListener('offline', this.onBrowserOffline);
    if (options.readOnlyScreen) this.awareness.setLocalState(null);
    mark('connect');
    this.openSocket();
  }

  get status(): ExternalStore<ConnectionStatus> {
    return this.statusStore;
  }
  get save(): ExternalStore<SaveState> {
    return this.saveStore;
  }
  get ready(): ExternalStore<boolean> {
    return this.readyStore;
  }
  /** Why the server refuses this client's edits (`read-only`, `facilitator-only`), or null. */
  get denied(): ExternalStore<string | null> {
    return this.deniedStore;
  }

  get awareness(): Awareness {
    return this.provider.awareness;
  }

  /** Everyone in the room with a valid presence, this tab first; keeps identity across cursor moves. */
  get peers(): ExternalStore<readonly Peer[]> {
    return this.peersStore;
  }

  /** Publishes (or, with null, withdraws) this person's name and colour. */
  setPresenceUser(user: PresenceUser | null): void {
    const current = this.awareness.getLocalState()?.user as PresenceUser | undefined;
    if (user && current && current.name === user.name && current.color === user.color && current.department === user.department) return;
    this.awareness.setLocalStateField('user', user);
  }

  /**
   * Sends this person's presence again (a newer clock). After a rename of the session the server
   * stamps the new name on the next update it gets; this makes that happen now.
   */
  republishPresence(): void {
    const state = this.awareness.getLocalState();
    if (state !== null) this.awareness.setLocalState({ ...state });
  }

  /** What this person is editing now (an agenda item field), or null. */
  setEditing(editing: Editing | null): void {
    const current = this.awareness.getLocalState()?.editing as Editing | null | undefined;
    if ((current ?? null) === null && editing === null) return;
    if (current && editing && current.agendaItemId === editing.agendaItemId && current.field === editing.field) return;
    this.awareness.setLocalStateField('editing', editing);
  }

  /** A memoized read of the document (see SectionViews). */
  view<T>(key: string, sections: readonly MeetingSection[], read: (doc: Y.Doc) => T): ExternalStore<T> {
    return this.sections.view(key, sections, read);
  }

  /**
   * Drops this tab's copy of the meeting (the document and its IndexedDB cache) and loads the page
   * again from the server. For edits the server refused: they exist only here and can never be saved.
   */
  async discardLocalChanges(): Promise<void> {
    await this.local?.clearData(); // closes and deletes this meeting's IndexedDB copy
    this.destroy();
    window.location.reload();
  }

  /** Retry now instead of waiting for the backoff (e.g. a "Reconnect" button). */
  reconnectNow(): void {
    if (this.destroyed || this.statusStore.get().phase === 'live') return;
    this.clearRetry();
    this.openSocket();
  }

  destroy(): void {
    if (this.destroyed) return;
    this.joined.stop();
    this.destroyed = true;
    this.clearRetry();
    if (this.saveTimer !== null) clearTimeout(this.saveTimer);
    window.removeEventListener('online', this.onBrowserOnline);
    window.removeEventListener('offline', this.onBrowserOffline);
    this.stopWatchingSilence();
    this.stopWatchingCompositions();
    this.compositionGate.uninstall();
    this.awareness.off('change', this.onAwarenessChange);
    this.stopObserving();
    this.doc.off('update', this.onDocUpdate);
    this.provider.destroy();
    void this.local?.destroy();
    this.doc.destroy();
  }

  private hasContent(): boolean {
    // The server initialises every meeting's meta; until that arrives there is nothing to show.
    return isMeetingInitialized(this.doc);
  }

  private readonly onDocUpdate = (_update: Uint8Array, origin: unknown) => {
    if (origin === this.provider) return; // came from the server
    this.dispatchSave({ type: 'localChange' });
    this.scheduleSaveRequest(SAVE_REQUEST_DELAY_MS);
  };

  private readonly onAwarenessChange = () => {
    const next = peersFromStates(this.awareness.getStates(), this.doc.clientID);
    if (!samePeers(next, this.peersStore.get())) this.peersStore.set(next);
  };

  private readonly onBrowserOnline = () => {
    const { phase } = this.statusStore.get();
    this.statusStore.set({ ...this.statusStore.get(), noNetwork: false });
    if (phase === 'reconnecting') {
      this.clearRetry();
      this.scheduleReconnect(Math.min(this.attempt, 1));
    }
  };

  /** The browser lost its network: its socket may still look open for minutes, so drop it now. */
  private readonly onBrowserOffline = () => {
    if (this.destroyed || this.statusStore.get().phase === 'refused') return;
    this.dropSocket();
  };

  /** Closes the socket from this side (no network, or silence): edits stay here, the backoff reconnects. */
  private dropSocket(): void {
    if (this.destroyed) return;
    // disconnect() detaches the socket at once (a close handshake over a dead network never ends)
    // and stops the provider's own retries: ours below take over.
    this.provider.disconnect();
    this.clearRetry();
    this.scheduleReconnect(this.attempt);
    this.attempt += 1;
  }

  private browserOffline(): boolean {
    return typeof navigator !== 'undefined' && navigator.onLine === false;
  }

  private onClosed(code: number, reason: string): void {
    if (this.destroyed) return;
    if (PERMANENT_CLOSE_CODES.has(code)) {
      this.statusStore.set({ phase: 'refused', retryAt: null, closeCode: code, closeReason: reason, noNetwork: false });
      return;
    }
    this.statusStore.set({ ...this.statusStore.get(), closeCode: code, closeReason: reason });
    this.scheduleReconnect(this.attempt);
    this.attempt += 1;
  }

  /** Connects with the session cookie, or with a fresh ticket when this screen has a credential of its own. */
  private openSocket(): void {
    const ticket = this.options.socketTicket;
    if (!ticket) return this.provider.connect();
    ticket().then(
      (value) => {
        if (this.destroyed) return;
        if (value === null) return this.statusStore.set({ phase: 'refused', retryAt: null, closeCode: CloseCode.forbidden, closeReason: 'access revoked', noNetwork: false });
        this.provider.params = { [TICKET_QUERY_KEY]: value };
        this.provider.connect();
      },
      () => this.onClosed(0, 'no ticket'), // unreachable: retried as a closed socket is
    );
  }

  private scheduleReconnect(attempt: number): void {
    const delay = fullJitterDelay(attempt, DEFAULT_BACKOFF);
    this.statusStore.set({ ...this.statusStore.get(), phase: 'reconnecting', retryAt: Date.now() + delay, noNetwork: this.browserOffline() });
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (this.destroyed) return;
      // Without a network an attempt can only fail: wait for the browser's `online` (onBrowserOnline).
      if (this.browserOffline()) return;
      this.openSocket();
    }, delay);
  }

  private clearRetry(): void {
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private setPhase(phase: ConnectionPhase): void {
    const current = this.statusStore.get();
    if (current.phase !== phase) this.statusStore.set({ ...current, phase, retryAt: null });
  }

  private dispatchSave(event: SaveEvent): void {
    this.saveStore.set(reduceSave(this.saveStore.get(), event));
  }

  private scheduleSaveRequest(delayMs: number): void {
    if (this.saveTimer !== null) return;
    this.saveTimer = setTimeout(() => {
      this.saveTimer = null;
      this.sendSaveRequest();
    }, delayMs);
  }

  private sendSaveRequest(): void {
    const state = this.saveStore.get();
    const ws = this.provider.ws;
    if (!needsSaveRequest(state) || !this.provider.synced || !ws || ws.readyState !== WebSocket.OPEN) return;
    // Updates held back by a composition have not been sent: a save ack now would not cover them.
    // The gate asks again once it has sent them.
    if (this.compositionGate.gate.pendingOutgoing > 0) return;
    const nonce = state.nextNonce;
    ws.send(encodeSaveRequest(nonce));
    this.dispatchSave({ type: 'requestSent', nonce });
  }
}
