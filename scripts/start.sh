#!/usr/bin/env bash
# Installs dependencies, builds the client and starts the server (SQLite under ./data).
# Used by `npm start`; needs only Node 20 and npm on the machine.
set -euo pipefail
cd "$(dirname "$0")/.."

pnpm_cmd() { npx --yes pnpm@12.4.2 "$@"; }

pnpm_cmd install
pnpm_cmd --filter @suishin/client build

export DATA_DIR="${DATA_DIR:-$PWD/data}"
cd server
exec node --import tsx src/main.ts
