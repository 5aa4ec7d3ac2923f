#!/usr/bin/env bash
# Runs every benchmark and prints its figures: the sync server (fan-out, durable appends,
# cold join, burst), backup of a 3,000-meeting workspace (time, event-loop stall), the meeting
# room in Chromium (bundle sizes, time to editable, remote edit latency), Lighthouse's mobile and
# desktop scores, LCP and TBT of the room and home, and the history reads at 300 / 3,000 / 30,000 meetings (home, archive,
# search, registers, dashboards). Loopback only; bounded in time. BENCH_HISTORY=quick stops the
# history bench at 3,000 meetings; BENCH_HISTORY=skip leaves it out.
set -euo pipefail
cd "$(dirname "$0")/.."

pnpm_cmd() { npx --yes pnpm@12.4.2 "$@"; }

export CHROMIUM_PATH="${CHROMIUM_PATH:-$(command -v chromium || echo /usr/bin/chromium)}"
echo "== model benchmark (reading records through their declarations)"
pnpm_cmd --filter @suishin/shared bench
echo "== server benchmark"
pnpm_cmd --filter @suishin/server bench
echo "== backup benchmark (3,000 meetings, live edits meanwhile)"
pnpm_cmd --filter @suishin/server bench:backup
echo "== room benchmark (builds the client first)"
pnpm_cmd --filter @suishin/client build >/dev/null
pnpm_cmd --filter @suishin/e2e bench
echo "== phone loading (Lighthouse 12, mobile and desktop presets, signed in, against the build)"
pnpm_cmd --filter @suishin/e2e bench:lighthouse
echo "== 会議体 and 経営報告 benchmark (50 bodies, 1,000 meetings; BENCH_ONLY=registry|body|search|report runs one row)"
pnpm_cmd --filter @suishin/e2e bench:bodies
if [ "${BENCH_HISTORY:-full}" != skip ]; then
  echo "== history benchmark (300, 3,000 and 30,000 meetings)"
  if [ "${BENCH_HISTORY:-full}" = quick ]; then pnpm_cmd --filter @suishin/e2e bench:history -- --quick
  else pnpm_cmd --filter @suishin/e2e bench:history; fi
fi
