#!/usr/bin/env bash
# A throwaway PostgreSQL with the pgvector extension, for PgVectorIndexTest (PGVECTOR_TEST_URL) and for
# benchmarks/memory.sh against pgvector (POSTGRES_URL). Debian bookworm packages no pgvector, so it is built from
# Debian's own source (the pgvector 0.8.0 source package of trixie, checked against its SHA-256) against Debian's
# PostgreSQL 15, and installed there once.
#   .ci/pgvector-server.sh start DIR   initialises and starts a cluster in DIR on a free loopback port and prints
#                                      its URL (postgresql://postgres:<password>@127.0.0.1:<port>/postgres)
#   .ci/pgvector-server.sh stop DIR    stops it and removes DIR
# DIR's parent must be open to the postgres user when run as root (e.g. a folder directly under /tmp).
# Needs apt-get (as root) when the packages or the extension are missing.
set -euo pipefail
action=${1:?start or stop}
dir=${2:?the cluster folder}
pg=/usr/lib/postgresql/15/bin
source_url=http://deb.debian.org/debian/pool/main/p/pgvector/pgvector_0.8.0.orig.tar.gz
source_sha256=867a2c328d4928a5a9d6f052cd3bc78c7d60228a9b914ad32aa3db88e9de27b0

as_owner() { # runs a PostgreSQL program as the cluster's owner: PostgreSQL refuses to run as root
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

install_pgvector() {
  local need=()
  [ -x "$pg/postgres" ] || need+=(postgresql-15)
  [ -x "$pg/pg_config" ] && [ -d /usr/include/postgresql/15/server ] || need+=(postgresql-server-dev-15)
  command -v gcc >/dev/null 2>&1 && command -v make >/dev/null 2>&1 || need+=(build-essential)
  command -v curl >/dev/null 2>&1 || need+=(curl)
  if [ ${#need[@]} -gt 0 ]; then
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >&2
  fi
  [ -e /usr/lib/postgresql/15/lib/vector.so ] && return 0
  local build
  build=$(mktemp -d)
  curl -fsS -m 120 -o "$build/pgvector.tar.gz" "$source_url"
  echo "$source_sha256  $build/pgvector.tar.gz" | sha256sum -c --quiet - >&2
  tar -xzf "$build/pgvector.tar.gz" -C "$build"
  # OPTFLAGS="": pgvector would tune for this CPU (-march=native); the build must run on any x86-64
  make -s -C "$build"/pgvector-* PG_CONFIG="$pg/pg_config" OPTFLAGS="" >&2
  make -s -C "$build"/pgvector-* PG_CONFIG="$pg/pg_config" OPTFLAGS="" install >&2
  rm -rf "$build"
}

start() {
  install_pgvector
  mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && chown postgres "$dir"
  local password port
  password=$(head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n')
  printf '%s\n' "$password" > "$dir/pwfile"
  [ "$(id -u)" = 0 ] && chown postgres "$dir/pwfile"
  as_owner "$pg/initdb" -D "$dir/data" -U postgres --pwfile="$dir/pwfile" -A scram-sha-256 -E UTF8 --locale=C \
    --no-sync > "$dir/initdb.log"
  rm -f "$dir/pwfile"
  for attempt in 1 2 3 4 5; do
    port=$((20000 + RANDOM % 40000))
    # a port something answers on is taken; one taken between this check and the start fails the start: try again
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && continue
    as_owner "$pg/pg_ctl" start -w -D "$dir/data" -l "$dir/data/server.log" \
      -o "-p $port -h 127.0.0.1 -k $dir/data -c max_connections=200" > /dev/null && break
    [ "$attempt" = 5 ] && { cat "$dir/data/server.log" >&2; exit 1; }
  done
  PGPASSWORD=$password "$pg/psql" -q -h 127.0.0.1 -p "$port" -U postgres -d postgres \
    -c "CREATE EXTENSION IF NOT EXISTS vector" >&2
  echo "postgresql://postgres:$password@127.0.0.1:$port/postgres"
}

stop() {
  [ -f "$dir/data/postmaster.pid" ] && as_owner "$pg/pg_ctl" stop -w -m fast -D "$dir/data" > /dev/null
  rm -rf "$dir"
}

case "$action" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop DIR" >&2; exit 2 ;;
esac
