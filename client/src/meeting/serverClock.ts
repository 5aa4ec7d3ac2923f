import { estimateClockOffset, type ClockSample } from '@suishin/shared';
import { SERVER_TIME_PATH, type ServerTimeResponse } from '@suishin/shared/protocol';
import { createStore, type ExternalStore } from './externalStore';

/**
 * The server's clock, as seen from this browser. Facilitation writes timestamps on the server's
 * clock and every client derives the remaining time from them, so each client needs its offset
 * to the server: a few round trips to `GET /api/time`, the shortest one wins (NTP-style, in
 * shared's `estimateClockOffset`). Without the endpoint (404) the offset is 0. Not through
 * api/request: a 401 here is not the page's business (the offset just stays), and a missing
 * endpoint is an answer, not an error.
 */
const SAMPLES = 5;

/** Asks the server for its time; null when the server has no time endpoint. */
export type FetchServerTime = () => Promise<number | null>;

export const fetchServerTime: FetchServerTime = async () => {
  const response = await fetch(SERVER_TIME_PATH, { cache: 'no-store', headers: { accept: 'application/json' } });
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(`GET ${SERVER_TIME_PATH}: ${response.status}`);
  // Checked, not trusted: a wrong answer must not move every timer on the page.
  const body = (await response.json()) as Partial<Record<keyof ServerTimeResponse, unknown>>;
  if (typeof body.now !== 'number' || !Number.isFinite(body.now)) throw new Error(`GET ${SERVER_TIME_PATH}: no "now" in the answer`);
  return body.now;
};

/** Offset to add to `localNow()` to get the server's time, from `samples` sequential round trips. */
export async function measureClockOffset(
  fetchTime: FetchServerTime,
  localNow: () => number = Date.now,
  samples: number = SAMPLES,
): Promise<number> {
  const taken: ClockSample[] = [];
  for (let i = 0; i < samples; i++) {
    const sentAt = localNow();
    const serverTime = await fetchTime();
    const receivedAt = localNow();
    if (serverTime === null) return 0;
    taken.push({ sentAt, serverTime, receivedAt });
  }
  return estimateClockOffset(taken);
}

export class ServerClock {
  private readonly offsetStore = createStore(0);
  private measuring: Promise<void> | null = null;
  private measured = false;

  constructor(
    private readonly fetchTime: FetchServerTime = fetchServerTime,
    private readonly localNow: () => number = Date.now,
  ) {}

  /** Milliseconds to add to the local clock; 0 until measured. */
  get offset(): ExternalStore<number> {
    return this.offsetStore;
  }

  /** Now, on the server's clock (epoch ms). */
  now(): number {
    return this.localNow() + this.offsetStore.get();
  }

  /** Measures once (later calls reuse the result unless `force`); failures keep the last offset. */
  sync(force = false): Promise<void> {
    if (this.measuring) return this.measuring;
    if (this.measured && !force) return Promise.resolve();
    this.measuring = measureClockOffset(this.fetchTime, this.localNow)
      .then(
        (offset) => {
          this.measured = true;
          this.offsetStore.set(Math.round(offset));
        },
        () => {},
      )
      .finally(() => {
        this.measuring = null;
      });
    return this.measuring;
  }
}

/** One clock per page: every meeting is on the same server. */
export const serverClock = new ServerClock();
