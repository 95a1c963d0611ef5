#!/bin/bash
# First start: initdb, then the role and database the environment names, created on a server that listens on its
# socket only, which stops again; then the server itself. Like the official image, it says "ready to accept
# connections" twice on a first start (Testcontainers waits for the second).
set -euo pipefail
: "${POSTGRES_USER:=postgres}" "${POSTGRES_DB:=$POSTGRES_USER}"
[ -n "${POSTGRES_PASSWORD:-}" ] || { echo "error: POSTGRES_PASSWORD is required" >&2; exit 1; }
if [ "${1:-postgres}" != postgres ]; then
  exec "$@"
fi
shift || true
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  initdb --username=postgres --auth-local=trust --auth-host=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 \
    -D "$PGDATA" >/dev/null
  echo "host all all all scram-sha-256" >>"$PGDATA/pg_hba.conf"
  pg_ctl -D "$PGDATA" -o "-c listen_addresses=''" -w start
  psql_sql() { psql -v ON_ERROR_STOP=1 -U postgres -d postgres -qAt "$@"; }
  if [ "$POSTGRES_USER" = postgres ]; then
    psql_sql -v password="$POSTGRES_PASSWORD" <<<"alter role postgres password :'password'"
  else
    psql_sql -v user="$POSTGRES_USER" -v password="$POSTGRES_PASSWORD" \
      <<<"create role :\"user\" superuser login password :'password'"
  fi
  [ "$POSTGRES_DB" = postgres ] || psql_sql -v db="$POSTGRES_DB" -v user="$POSTGRES_USER" <<<"create database :\"db\" owner :\"user\""
  pg_ctl -D "$PGDATA" -m fast -w stop
fi
exec postgres -D "$PGDATA" -c listen_addresses='*' "$@"
