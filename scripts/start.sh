#!/usr/bin/env bash
# Installs dependencies, builds the client and the server (server/dist: compiled JavaScript, see
# server/build/bundle.ts) and starts it (SQLite under ./data). Used by `npm start`; needs only
# Node 20 and npm on the machine. Development and tests run the TypeScript sources through tsx.
set -euo pipefail
cd "$(dirname "$0")/.."

pnpm_cmd() { npx --yes pnpm@12.4.2 "$@"; }

pnpm_cmd install
pnpm_cmd --filter @suishin/client build
pnpm_cmd --filter @suishin/server build

export DATA_DIR="${DATA_DIR:-$PWD/data}"
cd server
exec node --enable-source-maps dist/main.js
