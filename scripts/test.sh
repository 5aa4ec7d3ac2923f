#!/usr/bin/env bash
# Installs what the tests need (dependencies, Debian's Chromium, Japanese fonts for
# screenshots), then runs every test: typecheck, lint and structure checks (import rules, import
# cycles, file sizes), unit + integration (vitest), e2e (Playwright against the production
# build). Used by `npm test` and by .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."

pnpm_cmd() { npx --yes pnpm@12.4.2 "$@"; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

need_packages=()
command -v chromium >/dev/null 2>&1 || need_packages+=(chromium)
fc-list :lang=ja 2>/dev/null | grep -q . || need_packages+=(fonts-noto-cjk)
if [ ${#need_packages[@]} -gt 0 ]; then
  echo "Installing ${need_packages[*]} from Debian's packages"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${need_packages[@]}" >/dev/null
fi
export CHROMIUM_PATH="${CHROMIUM_PATH:-$(command -v chromium)}"

pnpm_cmd install
echo "== typecheck"
pnpm_cmd typecheck
echo "== lint, import cycles, file sizes"
pnpm_cmd check
echo "== build client"
pnpm_cmd --filter @suishin/client build
echo "== unit and integration tests (vitest)"
pnpm_cmd exec vitest run
echo "== end-to-end tests (Playwright, Chromium)"
pnpm_cmd --filter @suishin/e2e test
