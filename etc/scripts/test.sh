#!/usr/bin/env bash
# Runs every test of ExpenseFlow: .NET (unit, PostgreSQL, recognition, architecture, browser) and the portal's unit tests.
# Provisions what it needs (Debian packages, Node, OCR models, a private PostgreSQL with fsync off) and is safe to rerun.
# Last line: "N passed, N failed" over every test that ran.
set -uo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"
results="$repo/artifacts/test-results"
rm -rf "$results"; mkdir -p "$results"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export EXPENSEFLOW_ARTIFACTS="$repo/artifacts/screenshots"

fail_setup() { echo "setup failed: $1" >&2; echo "0 passed, 1 failed"; exit 1; }
step() { echo "==> $*"; }

step "prerequisites"; bash etc/scripts/install-prereqs.sh || fail_setup "Debian packages"
step "OCR models"; bash etc/scripts/fetch-models.sh || fail_setup "OCR models"
step "portal build"; bash etc/scripts/build-portal.sh || fail_setup "portal build"
step "PostgreSQL (test cluster, port 55433)"
bash etc/scripts/pg.sh start pg-test 55433 --test >/dev/null || fail_setup "PostgreSQL"
export EXPENSEFLOW_TEST_PG="Host=127.0.0.1;Port=55433;Database=postgres;Username=expenseflow;Password=expenseflow;Timeout=30"
# Leftovers of an interrupted run (per-class databases and templates) are dropped first.
PGPASSWORD=expenseflow psql -h 127.0.0.1 -p 55433 -U expenseflow -d postgres -qtA \
  -c "SELECT datname FROM pg_database WHERE datname LIKE 'ef\_%'" | while read -r db; do
  [ -n "$db" ] && PGPASSWORD=expenseflow psql -h 127.0.0.1 -p 55433 -U expenseflow -d postgres -q -c "DROP DATABASE \"$db\" WITH (FORCE)"
done

step ".NET build"
dotnet build ExpenseFlow.sln -c Release -nologo -v q || fail_setup "dotnet build"
step ".NET tests"
# The browser tests run on their own afterwards: beside the API walk, the mutation runs and the crash test they shared
# two cores with several host processes, and a page's first bootstrap could miss its 30 s (one clean-clone run did).
dotnet test ExpenseFlow.sln -c Release --no-build -nologo --logger "trx" --results-directory "$results" \
  --filter "FullyQualifiedName!~ExpenseFlow.EndToEnd.Tests" -- RunConfiguration.TestSessionTimeout=3000000
dotnet_status=$?
step "browser tests (Chromium)"
dotnet test test/ExpenseFlow.EndToEnd.Tests -c Release --no-build -nologo --logger "trx" --results-directory "$results" -- RunConfiguration.TestSessionTimeout=3000000
e2e_status=$?
[ $e2e_status -ne 0 ] && dotnet_status=$e2e_status
step "portal unit tests"
portal_out="$(bash etc/scripts/test-portal.sh 2>&1)"; portal_status=$?
echo "$portal_out" | tail -n 15

passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(echo "$counters" | sed -n 's/.* passed="\([0-9]*\)".*/\1/p'); f=$(echo "$counters" | sed -n 's/.* failed="\([0-9]*\)".*/\1/p')
  e=$(echo "$counters" | sed -n 's/.* error="\([0-9]*\)".*/\1/p'); t=$(echo "$counters" | sed -n 's/.* timeout="\([0-9]*\)".*/\1/p')
  # The trx Counters leave skipped tests out of notExecuted: they are counted from the results themselves.
  n=$(grep -o '<UnitTestResult [^>]*outcome="NotExecuted"' "$trx" | wc -l)
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0} + ${e:-0} + ${t:-0})); skipped=$((skipped + ${n:-0}))
  # A skipped test is named (its reason, e.g. the ../shared/data folder it needs, is in the trx): none passes silently.
  grep -o '<UnitTestResult [^>]*outcome="NotExecuted"[^>]*>' "$trx" | sed -n 's/.*testName="\([^"]*\)".*/  skipped: \1/p'
done
read -r pp pf < <(echo "$portal_out" | sed -n 's/^portal: \([0-9]*\) passed, \([0-9]*\) failed$/\1 \2/p' | tail -n 1)
passed=$((passed + ${pp:-0})); failed=$((failed + ${pf:-1}))
# A runner that crashed without reporting still fails the run.
if [ $dotnet_status -ne 0 ] && [ $failed -eq 0 ]; then failed=1; fi
if [ $portal_status -ne 0 ] && [ "${pf:-1}" -eq 0 ]; then failed=$((failed + 1)); fi
echo "$skipped skipped (counted in neither figure below)"
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
