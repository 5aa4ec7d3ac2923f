#!/usr/bin/env bash
# Runs every benchmark and prints its figures: the sync server (fan-out, durable appends,
# cold join, burst) and the meeting room in Chromium (bundle sizes, time to editable,
# remote edit latency). Loopback only; bounded in time.
set -euo pipefail
cd "$(dirname "$0")/.."

pnpm_cmd() { npx --yes pnpm@12.4.2 "$@"; }

export CHROMIUM_PATH="${CHROMIUM_PATH:-$(command -v chromium || echo /usr/bin/chromium)}"
echo "== server benchmark"
pnpm_cmd --filter @suishin/server bench
echo "== room benchmark (builds the client first)"
pnpm_cmd --filter @suishin/client build >/dev/null
pnpm_cmd --filter @suishin/e2e bench
