#!/usr/bin/env bash
# Everything a fresh machine of this kind needs: Debian's Chromium and ripgrep (for the offline
# VS Code runtime), then the npm dependencies. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null || ! command -v rg >/dev/null; then
  SUDO=$([ "$(id -u)" = 0 ] || echo sudo)
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends chromium ripgrep libkrb5-dev >/dev/null
fi
npm ci --no-audit --no-fund
