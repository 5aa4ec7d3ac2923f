import type { RecordedRequest, Responder, ScriptedResponse } from './trackerTestServer';

/**
 * A responder for the fake tracker that answers by item: each item (found by `keyOf`, e.g. the
 * issue title in the body) has a queue of answers used in turn; the last one repeats.
 */
export function scriptByItem(
  keyOf: (request: RecordedRequest) => string | undefined,
  script: Record<string, ScriptedResponse[]>,
  fallback?: Responder,
): Responder {
  const used = new Map<string, number>();
  return (request, index) => {
    const key = keyOf(request);
    const answers = key === undefined ? undefined : script[key];
    if (!answers || answers.length === 0) {
      if (fallback) return fallback(request, index);
      throw new Error(`no scripted answer for ${key ?? request.path}`);
    }
    const n = used.get(key!) ?? 0;
    used.set(key!, n + 1);
    return answers[Math.min(n, answers.length - 1)]!;
  };
}

/** A sleep that records what it was asked to wait and returns at once. */
export function recordingSleep(): { sleep: (ms: number) => Promise<void>; waits: number[] } {
  const waits: number[] = [];
  return { waits, sleep: async (ms: number) => void waits.push(ms) };
}
