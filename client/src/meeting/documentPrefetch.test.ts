import { afterEach, describe, expect, it, vi } from 'vitest';
import { prefetchMeetingDocument, takePrefetchedDocument } from './documentPrefetch';

const bytes = new Uint8Array([1, 2, 3]);
const respond = (status: number) => vi.fn(async (_url: string) => new Response(status === 200 ? bytes : 'no', { status }));

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('documentPrefetch', () => {
  it("fetches the meeting's document once and hands it out once", async () => {
    const fetch = respond(200);
    vi.stubGlobal('fetch', fetch);
    prefetchMeetingDocument('m 1');
    prefetchMeetingDocument('m 1');
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch.mock.calls[0]![0]).toBe('/api/meetings/m%201/document');
    expect(await takePrefetchedDocument('m 1')).toEqual(bytes);
    expect(takePrefetchedDocument('m 1')).toBeNull();
    expect(takePrefetchedDocument('never fetched')).toBeNull();
  });

  it('hands the document out only after the code the first render needs, even if that code fails', async () => {
    vi.stubGlobal('fetch', respond(200));
    let codeLoaded!: () => void;
    prefetchMeetingDocument('m2', new Promise<void>((resolve) => (codeLoaded = resolve)));
    let handedOut = false;
    const taken = takePrefetchedDocument('m2')!.then((update) => (handedOut = update !== null));
    await new Promise((r) => setTimeout(r, 20));
    expect(handedOut).toBe(false);
    codeLoaded();
    await taken;
    expect(handedOut).toBe(true);

    prefetchMeetingDocument('m3', Promise.reject(new Error('chunk failed')));
    expect(await takePrefetchedDocument('m3')).toEqual(bytes);
  });

  it('gives null, never an error, for a refused request or no network (the socket syncs instead)', async () => {
    vi.stubGlobal('fetch', respond(403));
    prefetchMeetingDocument('m4');
    expect(await takePrefetchedDocument('m4')).toBeNull();
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    prefetchMeetingDocument('m5');
    expect(await takePrefetchedDocument('m5')).toBeNull();
  });
});
