#!/usr/bin/env bash
# Installs a real VS Code (code-server 4.100.3 = VS Code OSS 1.100.3) offline, from the npm
# registry alone: @vscode/test-electron and electron download binaries, which cannot work here.
# Idempotent: a finished install leaves a stamp and is reused.
set -euo pipefail
DEST=${1:-$PWD/.vscode-runtime}
CS_VERSION=${CS_VERSION:-4.100.3}
STAMP="$DEST/.installed-$CS_VERSION"
[ -f "$STAMP" ] && { echo "vscode runtime: code-server $CS_VERSION already in $DEST"; exit 0; }
command -v rg >/dev/null || { echo "vscode runtime: needs ripgrep (/usr/bin/rg); run: apt-get install -y ripgrep" >&2; exit 1; }
echo "vscode runtime: installing code-server $CS_VERSION into $DEST (about a minute)"
mkdir -p "$DEST"; cd "$DEST"
[ -f package.json ] || echo '{"name":"vscode-runtime","private":true}' > package.json
# --ignore-scripts: the stock postinstall downloads ripgrep from GitHub.
npm install --no-save --no-audit --no-fund --ignore-scripts "code-server@$CS_VERSION"
npm rebuild argon2                        # its prebuilt download fails; node-gyp builds it
CS="$DEST/node_modules/code-server"
cd "$CS/lib/vscode"
npm install --omit=dev --ignore-scripts --no-audit --no-fund
mkdir -p node_modules/@vscode/ripgrep/bin
ln -sf "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg   # its postinstall then sees bin/ and exits 0
npm_config_yes=true npm rebuild          # node-pty, spdlog, watcher, kerberos, native-watchdog
rm -rf node_modules.asar && ln -s node_modules node_modules.asar
(cd bin/remote-cli && ln -sf code-linux.sh code-server)
(cd bin/helpers && ln -sf browser-linux.sh browser.sh)
(cd extensions && npm install --omit=dev --no-audit --no-fund)
touch "$STAMP"
echo "vscode runtime: ready"
