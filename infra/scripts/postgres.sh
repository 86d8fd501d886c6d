#!/usr/bin/env bash
# Project-managed PostgreSQL server for tests and local production-like runs: the OS binaries, a cluster
# initialised in a project-local directory, TCP on 127.0.0.1 only, trust auth for the `claimwatch` role
# (loopback only; never expose this cluster). Usage: infra/scripts/postgres.sh ensure|stop|status
# PG_FAST=1 turns off fsync (tests only: a crash may lose data).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PORT="${PG_PORT:-5433}"
PG_USER=claimwatch

find_bin_dir() {
  local d
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [ -x "$d/pg_ctl" ] && { printf '%s' "$d"; return 0; }
  done
  command -v pg_ctl >/dev/null && { dirname "$(command -v pg_ctl)"; return 0; }
  return 1
}

# PostgreSQL refuses to run as root: as root we run it as the OS `postgres` user, whose files must be
# reachable by that user. A checkout under /root is not, so the cluster then lives under /var/tmp.
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

cluster_dir() {
  local dir="$DATA_DIR/postgres"
  if [ "$(id -u)" -eq 0 ]; then
    mkdir -p "$dir" 2>/dev/null && chown postgres:postgres "$dir" 2>/dev/null || true
    if ! runuser -u postgres -- test -w "$dir" 2>/dev/null; then
      dir="/var/tmp/claimwatch-postgres-$(printf '%s' "$ROOT" | sha256sum | cut -c1-10)"
      mkdir -p "$dir" && chown postgres:postgres "$dir"
    fi
  else
    mkdir -p "$dir"
  fi
  printf '%s' "$dir"
}

ready() { "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT" 2>/dev/null; }

case "${1:-ensure}" in
  ensure)
    BIN="$(find_bin_dir)" || { apt_install postgresql; BIN="$(find_bin_dir)" || die "PostgreSQL binaries not found after install"; }
    if ready; then log "postgres already running on 127.0.0.1:$PORT"; exit 0; fi
    DIR="$(cluster_dir)"
    if [ ! -f "$DIR/PG_VERSION" ]; then
      log "initialising a PostgreSQL cluster in $DIR"
      as_pg "$BIN/initdb" -D "$DIR" -U "$PG_USER" --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    fi
    opts="-c listen_addresses=127.0.0.1 -p $PORT -c unix_socket_directories= -c max_connections=200"
    [ "${PG_FAST:-0}" = 1 ] && opts="$opts -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    as_pg "$BIN/pg_ctl" -D "$DIR" -l "$DIR/server.log" -o "$opts" -w -t 60 start >/dev/null \
      || die "postgres did not start; see $DIR/server.log"
    log "postgres started on 127.0.0.1:$PORT (data: $DIR, role: $PG_USER)"
    ;;
  stop)
    BIN="$(find_bin_dir)" || exit 0
    DIR="$(cluster_dir)"
    if [ -f "$DIR/postmaster.pid" ]; then as_pg "$BIN/pg_ctl" -D "$DIR" -m fast -w stop >/dev/null && log "postgres stopped"; else log "postgres not running"; fi
    ;;
  status)
    BIN="$(find_bin_dir)" || { echo "postgres: binaries not installed (OS package postgresql)"; exit 1; }
    if ready; then echo "postgres: running on 127.0.0.1:$PORT"; else echo "postgres: not running on 127.0.0.1:$PORT"; exit 1; fi
    ;;
  *) die "usage: $0 ensure|stop|status" ;;
esac
