#!/usr/bin/env bash
# Everything the test suite needs, in one call. Usage: infra/scripts/services.sh ensure|stop|status
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
here="$(dirname "${BASH_SOURCE[0]}")"
action="${1:-ensure}"
status=0
"$here/redis.sh" "$action" || status=1
"$here/postgres.sh" "$action" || status=1
[ "$action" = stop ] || "$here/chromium.sh" "$action" || status=1
exit $status
