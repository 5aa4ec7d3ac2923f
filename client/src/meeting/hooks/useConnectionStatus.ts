import { useSyncExternalStore } from 'react';
import { useMeetingConnection } from '../MeetingScope';
import type { ConnectionStatus } from '../MeetingConnection';
import { saveStatus, type SaveStatus } from '../saveState';

export type { ConnectionPhase, ConnectionStatus } from '../MeetingConnection';
export type { SaveStatus } from '../saveState';

/** Socket state of the joined meeting (connecting / live / reconnecting / refused). */
export function useConnectionStatus(): ConnectionStatus {
  const { status } = useMeetingConnection();
  return useSyncExternalStore(status.subscribe, status.get);
}

/** Whether this client's edits are durably stored on the server (from its save confirmations). */
export function useSaveStatus(): SaveStatus {
  const { save } = useMeetingConnection();
  return useSyncExternalStore(save.subscribe, () => saveStatus(save.get()));
}

/** Why the server refused an edit of this tab (`read-only`, `facilitator-only`), or null. */
export function useSaveRefusal(): string | null {
  const { save } = useMeetingConnection();
  return useSyncExternalStore(save.subscribe, () => save.get().refused);
}

/** Discards this tab's unsaved (refused) edits and reloads the meeting from the server. */
export function useDiscardLocalChanges(): () => Promise<void> {
  const connection = useMeetingConnection();
  return () => connection.discardLocalChanges();
}

/** True once the meeting's document is loaded (from this device or from the server). */
export function useMeetingReady(): boolean {
  const { ready } = useMeetingConnection();
  return useSyncExternalStore(ready.subscribe, ready.get);
}

/** Skip the backoff wait and reconnect now. */
export function useReconnect(): () => void {
  const connection = useMeetingConnection();
  return () => connection.reconnectNow();
}
