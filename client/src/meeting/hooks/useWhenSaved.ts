import { useCallback } from 'react';
import { useMeetingConnection } from '../MeetingScope';
import { saveStatus, type SaveStatus } from '../saveState';

/**
 * A function that resolves once every change made on this device so far is durable on the
 * server (its save confirmations say so), or with the status it is stuck in after `timeoutMs`
 * (offline, failed, still saving). Use it before asking the server to act on the document, e.g.
 * ending the meeting right after fixing a checklist gap.
 */
export function useWhenSaved(): (timeoutMs?: number) => Promise<SaveStatus> {
  const { save } = useMeetingConnection();
  return useCallback(
    (timeoutMs = 5000) =>
      new Promise<SaveStatus>((resolve) => {
        const current = () => saveStatus(save.get());
        if (current() === 'saved') {
          resolve('saved');
          return;
        }
        const timer = setTimeout(() => {
          unsubscribe();
          resolve(current());
        }, timeoutMs);
        const unsubscribe = save.subscribe(() => {
          if (current() !== 'saved') return;
          clearTimeout(timer);
          unsubscribe();
          resolve('saved');
        });
      }),
    [save],
  );
}
