#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL server: RETURNS_DESK_TEST_SERVER points the store tests at it.
set -euo pipefail
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ ! -x "${bin:-}/initdb" ] && command -v apt-get >/dev/null 2>&1; then
  # A fresh CI machine has only the psql client: the server comes from Debian, as Qt's libraries do.
  echo "Installing the PostgreSQL server (Debian package postgresql) for the store tests"
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends postgresql
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
fi
[ -x "${bin:-}/initdb" ] || { echo "PostgreSQL server not installed (Debian: apt-get install postgresql)"; exit 1; }
dir=$(mktemp -d)
port=$(( 20000 + RANDOM % 20000 ))
run() { if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }
[ "$(id -u)" -eq 0 ] && chown postgres "$dir"
cleanup() { run "'$bin/pg_ctl' -D '$dir/data' -m fast stop" >/dev/null 2>&1 || true; rm -rf "$dir"; }
trap cleanup EXIT
run "'$bin/initdb' -D '$dir/data' -A trust -U postgres" >/dev/null
run "'$bin/pg_ctl' -D '$dir/data' -o \"-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off\" -l '$dir/log' -w start" >/dev/null
RETURNS_DESK_TEST_SERVER="postgresql+psycopg://postgres@127.0.0.1:$port" "$@"
