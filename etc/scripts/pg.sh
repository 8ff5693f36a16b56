#!/usr/bin/env bash
# A private PostgreSQL cluster for ExpenseFlow, owned by the postgres user under /var/tmp/expenseflow/<name>.
#   pg.sh start <name> <port> [--test]   create if missing, start if stopped, reuse if running (idempotent)
#   pg.sh stop <name>
# --test relaxes durability (fsync/synchronous_commit/full_page_writes off): for the throw-away test cluster only.
# Prints the connection string on stdout.
set -euo pipefail
cmd=${1:?usage: pg.sh start|stop NAME [PORT] [--test]}; name=${2:?name}; port=${3:-55432}; mode=${4:-}
root=${EXPENSEFLOW_PG_ROOT:-/var/tmp/expenseflow}
data="$root/$name"
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -x "$bin/pg_ctl" ] || { echo "PostgreSQL server binaries not found; run etc/scripts/install-prereqs.sh" >&2; exit 1; }
as_pg() { if [ "$(id -un)" = postgres ]; then "$@"; elif [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }
password=${EXPENSEFLOW_PG_PASSWORD:-expenseflow}

case "$cmd" in
  stop) as_pg "$bin/pg_ctl" -D "$data" -m fast stop >/dev/null 2>&1 || true; exit 0 ;;
  start) ;;
  *) echo "unknown command $cmd" >&2; exit 2 ;;
esac

if [ ! -f "$data/PG_VERSION" ]; then
  mkdir -p "$root"; chmod 755 "$root"
  if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$root"; fi
  pwfile=$(mktemp); echo "$password" > "$pwfile"; chmod 644 "$pwfile"
  as_pg "$bin/initdb" -D "$data" -U postgres --auth-local=peer --auth-host=scram-sha-256 --pwfile="$pwfile" -E UTF8 --locale=C.UTF-8 >/dev/null
  rm -f "$pwfile"
  {
    echo "listen_addresses = '127.0.0.1'"
    echo "port = $port"
    echo "unix_socket_directories = '$data'"
    echo "max_connections = 300"
    echo "shared_buffers = 256MB"
    if [ "$mode" = "--test" ]; then
      echo "fsync = off"; echo "synchronous_commit = off"; echo "full_page_writes = off"
    fi
  } | as_pg tee -a "$data/postgresql.conf" >/dev/null
fi

if ! as_pg "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
  as_pg "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 start >/dev/null
fi

psql_pg() { as_pg "$bin/psql" -h "$data" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -qtA "$@"; }
if [ "$(psql_pg -c "SELECT 1 FROM pg_roles WHERE rolname='expenseflow'")" != "1" ]; then
  psql_pg -c "CREATE ROLE expenseflow LOGIN CREATEDB PASSWORD '$password'" >/dev/null
fi
# DROP DATABASE ... WITH (FORCE) (tests drop their databases) must be able to end an autovacuum worker there.
psql_pg -c "GRANT pg_signal_backend TO expenseflow" >/dev/null 2>&1
if [ "$(psql_pg -c "SELECT 1 FROM pg_database WHERE datname='expenseflow'")" != "1" ]; then
  psql_pg -c "CREATE DATABASE expenseflow OWNER expenseflow" >/dev/null
fi
echo "Host=127.0.0.1;Port=$port;Database=expenseflow;Username=expenseflow;Password=$password"
