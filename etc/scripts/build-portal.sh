#!/usr/bin/env bash
# Production build of the Angular portal into the host's wwwroot (served with SPA fallback).
# Idempotent: installs Node into .tools and runs `npm ci` only when needed.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source=ensure-node.sh
source "$repo/etc/scripts/ensure-node.sh"
cd "$repo/angular"
export NG_CLI_ANALYTICS=false CI="${CI:-true}"

# npm ci again only when the lock changed since the last install.
stamp="node_modules/.package-lock.sha256"
want="$(sha256sum package-lock.json | cut -d' ' -f1)-$(node --version)"
if [[ ! -d node_modules || ! -f "$stamp" || "$(cat "$stamp")" != "$want" ]]; then
  npm ci --no-audit --no-fund --loglevel=error
  echo "$want" >"$stamp"
fi

npx --no-install ng build --configuration production
out="$repo/src/ExpenseFlow.HttpApi.Host/wwwroot"
test -f "$out/index.html" || { echo "build-portal: $out/index.html missing" >&2; exit 1; }
# The portal must work offline: no absolute URL to another host in the page or its styles.
if grep -Eho '(src|href)="https?://[^"]+"|url\((["'"'"']?)https?://[^)]+\)|@import +["'"'"']?https?://' \
     "$out"/index.html "$out"/*.css | grep -q .; then
  echo "build-portal: external URL found in the build output" >&2
  exit 1
fi
echo "portal built into $out"
