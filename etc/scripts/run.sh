#!/usr/bin/env bash
# Runs the whole ExpenseFlow suite with demo data at http://127.0.0.1:5080:
# installs what is missing, starts the private PostgreSQL (durable settings), migrates, seeds the demo company,
# builds the portal and starts the host. Ctrl-C stops the host (and PostgreSQL, when this script started it).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
port=${EXPENSEFLOW_PG_PORT:-55432}

echo "==> prerequisites"; bash etc/scripts/install-prereqs.sh
echo "==> OCR models"; bash etc/scripts/fetch-models.sh
echo "==> PostgreSQL (port $port, data in /var/tmp/expenseflow/pg-run)"
was_running=0
if PGPASSWORD=${EXPENSEFLOW_PG_PASSWORD:-expenseflow} psql -h 127.0.0.1 -p "$port" -U expenseflow -d expenseflow -qtAc 'select 1' >/dev/null 2>&1; then was_running=1; fi
connection="$(bash etc/scripts/pg.sh start pg-run "$port")"
export ConnectionStrings__ExpenseFlow="$connection"
# Receipts beside the demo cluster's data (the host's own default, /var/lib/expenseflow/receipts, is the service's).
export Receipts__StoragePath="${Receipts__StoragePath:-/var/tmp/expenseflow/receipts}"
cleanup() { if [ "$was_running" = 0 ]; then echo "==> stopping PostgreSQL"; bash "$repo/etc/scripts/pg.sh" stop pg-run; fi; }
trap cleanup EXIT

echo "==> portal"; bash etc/scripts/build-portal.sh
echo "==> build"; dotnet build src/ExpenseFlow.HttpApi.Host -c Release -nologo -v q
dotnet build src/ExpenseFlow.DbMigrator -c Release -nologo -v q
echo "==> migrate and seed the demo company"
dotnet src/ExpenseFlow.DbMigrator/bin/Release/net10.0/ExpenseFlow.DbMigrator.dll --demo
echo "==> ExpenseFlow at http://127.0.0.1:5080 (API docs: /api-docs, jobs: /jobs). Ctrl-C stops."
cd src/ExpenseFlow.HttpApi.Host
dotnet bin/Release/net10.0/ExpenseFlow.HttpApi.Host.dll --urls "${EXPENSEFLOW_URLS:-http://127.0.0.1:5080}"
