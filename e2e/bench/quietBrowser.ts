import { readdirSync, readFileSync } from 'node:fs';

const TICK_MS = 10; // Linux USER_HZ: /proc/<pid>/stat counts CPU time in 1/100 s
const WINDOW_MS = 250;

/** CPU time (ms) used so far by every Chromium process on this machine, or null off Linux. */
function chromiumCpuMs(): number | null {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return null;
  }
  let total = 0;
  for (const pid of pids) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('chrom')) continue;
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      total += (Number(fields[11]) + Number(fields[12])) * TICK_MS; // utime + stime
    } catch {
      // the process ended meanwhile
    }
  }
  return total;
}

/**
 * Waits until Chromium has gone quiet: under 10% of one core over a quarter second (at most
 * `maxMs`; off Linux, a fixed 2 s).
 *
 * A new browser window keeps Chromium busy for about a second on these 2-core machines (traced:
 * it preloads its omnibox popup, a WebUI page in a renderer of its own, ~1 s of CPU). A person
 * clicking a meeting link has had their browser open long before, so a page load measured in that
 * second would count Chromium's own start-up as ours.
 */
export async function untilBrowserQuiet(maxMs = 5_000): Promise<void> {
  const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
  if (chromiumCpuMs() === null) return sleep(2_000);
  const deadline = Date.now() + maxMs;
  let before = chromiumCpuMs()!;
  while (Date.now() < deadline) {
    await sleep(WINDOW_MS);
    const now = chromiumCpuMs()!;
    if (now - before < WINDOW_MS * 0.1) return;
    before = now;
  }
}
