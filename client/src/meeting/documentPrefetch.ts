/**
 * A meeting's document fetched over HTTP while the page's code is still downloading (main.tsx
 * starts it when a meeting link is opened). The meeting's connection applies it as soon as Yjs
 * has loaded, so the room renders without first waiting for its socket to open and sync: on a
 * real network that wait is two round trips after the code has run. The socket's sync then brings
 * whatever changed since.
 *
 * In the entry chunk: imports nothing (no Yjs).
 */
const pending = new Map<string, Promise<Uint8Array | null>>();

/**
 * Starts fetching `meetingId`'s document. It is handed out once `notBefore` has settled as well:
 * the code the room's first render needs (main.tsx passes the notes editor's), since a document
 * that arrives first gets the room rendered without it, and the browser then runs that code only
 * after the room's first paint.
 */
export function prefetchMeetingDocument(meetingId: string, notBefore: Promise<unknown> = Promise.resolve()): void {
  if (pending.has(meetingId)) return;
  const request = fetch(`/api/meetings/${encodeURIComponent(meetingId)}/document`, { credentials: 'same-origin' }).then(
    async (response) => (response.ok ? new Uint8Array(await response.arrayBuffer()) : null),
    () => null, // offline: the IndexedDB copy and the socket take over
  );
  pending.set(
    meetingId,
    Promise.all([request, notBefore.catch(() => undefined)]).then(([update]) => update),
  );
}

/** The prefetched document of `meetingId`, handed out once (a later connection syncs by itself). */
export function takePrefetchedDocument(meetingId: string): Promise<Uint8Array | null> | null {
  const request = pending.get(meetingId) ?? null;
  pending.delete(meetingId);
  return request;
}
