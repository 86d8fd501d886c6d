#!/usr/bin/env bash
# Project-managed Redis for BullMQ: 127.0.0.1 only, AOF on, never evicts, files under <data dir>/redis.
# Usage: infra/scripts/redis.sh ensure|stop|status
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

URL="${REDIS_URL:-redis://127.0.0.1:6390}"
PORT="$(port_from_url "$URL" 6379)"
HOST="$(host_from_url "$URL")"
DIR="$DATA_DIR/redis"

ping() { redis-cli -h 127.0.0.1 -p "$PORT" ping 2>/dev/null | grep -q PONG; }

case "${1:-ensure}" in
  ensure)
    if ! is_local_host "$HOST"; then log "REDIS_URL points to $HOST: not managed here"; exit 0; fi
    command -v redis-server >/dev/null && command -v redis-cli >/dev/null || apt_install redis-server
    if ping; then log "redis already running on 127.0.0.1:$PORT"; exit 0; fi
    mkdir -p "$DIR"
    redis-server --bind 127.0.0.1 --port "$PORT" --dir "$DIR" \
      --appendonly yes --appendfsync everysec --maxmemory-policy noeviction \
      --daemonize yes --pidfile "$DIR/redis.pid" --logfile "$DIR/redis.log" >/dev/null
    for _ in $(seq 1 50); do ping && { log "redis started on 127.0.0.1:$PORT (data: $DIR)"; exit 0; }; sleep 0.1; done
    die "redis did not start; see $DIR/redis.log"
    ;;
  stop)
    if ping; then redis-cli -h 127.0.0.1 -p "$PORT" shutdown >/dev/null 2>&1 || true; log "redis on port $PORT stopped"; else log "redis not running on port $PORT"; fi
    ;;
  status)
    if ping; then echo "redis: running on 127.0.0.1:$PORT"; else echo "redis: not running on 127.0.0.1:$PORT"; exit 1; fi
    ;;
  *) die "usage: $0 ensure|stop|status" ;;
esac
