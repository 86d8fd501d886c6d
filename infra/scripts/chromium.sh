#!/usr/bin/env bash
# Chromium from the OS package (Playwright drives it; `playwright install` cannot download here).
# Usage: infra/scripts/chromium.sh ensure|status
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

BIN="${CHROMIUM_PATH:-/usr/bin/chromium}"
case "${1:-ensure}" in
  ensure)
    if [ -x "$BIN" ]; then log "chromium present: $BIN"; exit 0; fi
    # fonts-noto-core: glyphs for Vietnamese, CJK-free scripts in screenshots and PDFs.
    apt_install chromium fonts-noto-core fonts-noto-cjk
    [ -x "$BIN" ] || die "chromium not found at $BIN after install"
    log "chromium installed: $BIN"
    ;;
  status)
    if [ -x "$BIN" ]; then echo "chromium: $("$BIN" --version 2>/dev/null | head -1)"; else echo "chromium: not installed (OS package chromium)"; exit 1; fi
    ;;
  *) die "usage: $0 ensure|status" ;;
esac
