# Shared helpers for the infra scripts. Sourced, not executed.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DATA_DIR="${CLAIMWATCH_DATA_DIR:-$ROOT/.data}"
mkdir -p "$DATA_DIR"

log() { printf '[infra] %s\n' "$*" >&2; }
die() { printf '[infra] error: %s\n' "$*" >&2; exit 1; }

# apt_install PACKAGE...: installs OS packages, or explains what to run when we are not root.
apt_install() {
  if [ "$(id -u)" -ne 0 ]; then
    die "missing OS package(s): $*. Run as root: sudo apt-get install -y $* (then run this command again)"
  fi
  command -v apt-get >/dev/null || die "missing OS package(s) $* and no apt-get on this machine; install them with your package manager"
  log "installing OS package(s): $*"
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-get install -y -qq --no-install-recommends "$@" >/dev/null 2>&1; then
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-install-recommends "$@" >/dev/null
  fi
}

# port_from_url URL DEFAULT: the port of a redis:// or postgres:// URL.
port_from_url() {
  local url="$1" default="$2" port
  port="$(printf '%s' "$url" | sed -nE 's#^[a-z]+://([^@/]*@)?[^:/]+:([0-9]+).*#\2#p')"
  printf '%s' "${port:-$default}"
}

host_from_url() {
  printf '%s' "$1" | sed -nE 's#^[a-z]+://([^@/]*@)?([^:/]+).*#\2#p'
}

is_local_host() {
  case "$1" in 127.0.0.1|localhost|::1|"") return 0 ;; *) return 1 ;; esac
}
