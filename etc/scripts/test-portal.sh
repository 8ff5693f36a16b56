#!/usr/bin/env bash
# Runs the portal's unit tests (Vitest through the Angular CLI, jsdom, no browser) once, non-interactively.
# Last line: "portal: N passed, N failed". Exits non-zero when a test fails or nothing ran.
set -uo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source=ensure-node.sh
source "$repo/etc/scripts/ensure-node.sh" || { echo "portal: 0 passed, 1 failed"; exit 1; }
cd "$repo/angular"
export NG_CLI_ANALYTICS=false CI="${CI:-true}"

stamp="node_modules/.package-lock.sha256"
want="$(sha256sum package-lock.json | cut -d' ' -f1)-$(node --version)"
if [[ ! -d node_modules || ! -f "$stamp" || "$(cat "$stamp")" != "$want" ]]; then
  if ! npm ci --no-audit --no-fund --loglevel=error; then
    echo "portal: 0 passed, 1 failed"
    exit 1
  fi
  echo "$want" >"$stamp"
fi

report="$(mktemp -d)/vitest.json"
npx --no-install ng test --watch=false --reporters=default --reporters=json --output-file="$report"
status=$?

if [[ -s "$report" ]]; then
  read -r passed failed < <(node -e '
    const r = require(process.argv[1]);
    // A suite that failed to load counts as a failure even if it reported no test.
    const broken = (r.testResults || []).filter((f) => f.status === "failed" && !(f.assertionResults || []).length).length;
    console.log(r.numPassedTests, r.numFailedTests + broken);' "$report")
else
  passed=0
  failed=1 # the build or the runner failed before any test ran
fi
rm -rf "$(dirname "$report")"

if [[ $status -eq 0 && $failed -eq 0 && $passed -eq 0 ]]; then
  failed=1 # no test ran: treat as a failure, not a pass
fi
echo "portal: $passed passed, $failed failed"
[[ $status -eq 0 && $failed -eq 0 ]]
