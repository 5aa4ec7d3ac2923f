/**
 * The DOM side of the composition gate (see compositionGate.ts): turns the page's composition
 * events into one hold on the gate.
 *
 * - `compositionstart` anywhere on the page (notes editor or any text field) takes the hold.
 * - `compositionend` releases it after a short settle delay, because ProseMirror finishes a
 *   composition asynchronously (it reads the committed text in a microtask and ends the
 *   composition 20 ms later); applying remote changes before that would still disturb it. A new
 *   `compositionstart` within the delay (typing the next word) keeps the hold.
 * - A hold with no composition event for `maxIdleMs` is released anyway, so a lost
 *   `compositionend` (element removed mid-composition, focus stolen) cannot freeze the meeting.
 */
export interface CompositionHolder {
  hold(): void;
  release(): void;
}

export interface CompositionWatcherOptions {
  settleMs?: number;
  maxIdleMs?: number;
  setTimeout?: (fn: () => void, ms: number) => unknown;
  clearTimeout?: (handle: unknown) => void;
}

export const COMPOSITION_SETTLE_MS = 60;
export const COMPOSITION_MAX_IDLE_MS = 15_000;

export function watchCompositions(target: EventTarget, gate: CompositionHolder, options: CompositionWatcherOptions = {}): () => void {
  const settleMs = options.settleMs ?? COMPOSITION_SETTLE_MS;
  const maxIdleMs = options.maxIdleMs ?? COMPOSITION_MAX_IDLE_MS;
  const set = options.setTimeout ?? ((fn: () => void, ms: number) => globalThis.setTimeout(fn, ms));
  const clear = options.clearTimeout ?? ((handle: unknown) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>));

  let stopped = false;
  let holding = false;
  let settleTimer: unknown = null;
  let idleTimer: unknown = null;

  const stopTimer = (handle: unknown) => {
    if (handle !== null) clear(handle);
    return null;
  };
  const letGo = () => {
    settleTimer = stopTimer(settleTimer);
    idleTimer = stopTimer(idleTimer);
    if (!holding) return;
    holding = false;
    gate.release();
  };
  const touch = () => {
    idleTimer = stopTimer(idleTimer);
    idleTimer = set(letGo, maxIdleMs);
  };

  const onStart = () => {
    if (stopped) return;
    settleTimer = stopTimer(settleTimer);
    if (!holding) {
      holding = true;
      gate.hold();
    }
    touch();
  };
  const onUpdate = () => {
    if (stopped) return;
    if (holding) touch();
    else onStart(); // an update without a start (some IMEs after a focus change)
  };
  const onEnd = () => {
    if (!holding) return;
    settleTimer = stopTimer(settleTimer);
    settleTimer = set(letGo, settleMs);
  };

  target.addEventListener('compositionstart', onStart, true);
  target.addEventListener('compositionupdate', onUpdate, true);
  target.addEventListener('compositionend', onEnd, true);
  return () => {
    target.removeEventListener('compositionstart', onStart, true);
    target.removeEventListener('compositionupdate', onUpdate, true);
    target.removeEventListener('compositionend', onEnd, true);
    stopped = true;
    letGo();
  };
}
