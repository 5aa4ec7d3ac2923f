/**
 * The client's half of the heartbeat (y-websocket's `messageReconnectTimeout`, made short). The
 * server pings silent sockets at the protocol level, which a browser never exposes to the page, so
 * a socket whose network vanished looks open here for as long as TCP takes to give up (minutes).
 * Instead: when nothing has arrived for `probeAfterMs`, ask the server for something (a
 * `queryAwareness`, which every server answers at once); when nothing has arrived for
 * `timeoutMs`, the socket is taken for dead and dropped, and the connection says so and retries.
 */
export interface SilenceWatchdogOptions {
  /** Epoch ms of the last message received on the current socket. */
  lastReceived(): number;
  /** Whether a socket is open now (nothing to watch otherwise). */
  open(): boolean;
  /** Sends a message the server answers. */
  probe(): void;
  /** Drops the silent socket. */
  drop(): void;
  probeAfterMs?: number;
  timeoutMs?: number;
  now?: () => number;
}

export const SILENCE_PROBE_AFTER_MS = 2_500;
export const SILENCE_TIMEOUT_MS = 6_000;

/** Checks every `probeAfterMs / 2`; returns the stop function. */
export function watchSilence(options: SilenceWatchdogOptions): () => void {
  const probeAfter = options.probeAfterMs ?? SILENCE_PROBE_AFTER_MS;
  const timeout = options.timeoutMs ?? SILENCE_TIMEOUT_MS;
  const now = options.now ?? Date.now;
  let lastProbe = 0;
  const check = () => {
    if (!options.open()) return;
    const t = now();
    const silent = t - options.lastReceived();
    if (silent >= timeout) {
      options.drop();
      return;
    }
    // One probe per quiet spell: a second one would not be answered any sooner.
    if (silent >= probeAfter && t - lastProbe >= probeAfter) {
      lastProbe = t;
      options.probe();
    }
  };
  const interval = setInterval(check, Math.max(100, Math.floor(probeAfter / 2)));
  return () => clearInterval(interval);
}
