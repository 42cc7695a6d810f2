#!/usr/bin/env bash
# The hostile-input zoo of issue 9 (Scripts/make-bad-inputs.py --hostile) posted to `gazette serve`
# as requests, plus attacks on the request itself (Scripts/serve_hostile.py says which): every
# answer must be the expected tagged record or a 4xx JSON error, /healthz must answer after each
# request, the process must survive and exit 0 on SIGTERM, and its peak RSS is reported.
#
#   Scripts/serve-hostile.sh [DIR]    (default DIR: /tmp/gazette-serve-hostile; regenerated each run)
#
# Environment: GAZETTE_BIN=path skips the release build; TIMEOUT (the server's --timeout, default 10).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIR="${1:-/tmp/gazette-serve-hostile}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/gazette-serve-hostile-run.XXXXXX")"
say() { printf 'serve-hostile: %s\n' "$*" >&2; }
# shellcheck source=Scripts/serve-common.sh
. "$ROOT/Scripts/serve-common.sh"
trap 'stop_server || true; rm -rf "$WORK"' EXIT

say "generating the hostile set in $DIR"
rm -rf "$DIR"
python3 "$ROOT/Scripts/make-bad-inputs.py" --hostile "$DIR" >/dev/null

cd "$ROOT"
if [ -z "${GAZETTE_BIN:-}" ]; then
    say "building gazette (release)"
    swift build -c release --product gazette 2>&1 | tail -1 >&2
    GAZETTE_BIN="$(swift build -c release --show-bin-path)/gazette"
fi

start_server "$GAZETTE_BIN" "$WORK/server.log" --jobs 2 --timeout "${TIMEOUT:-10}"
say "server on $SERVER_URL (pid $SERVER_PID)"
set +e
python3 "$ROOT/Scripts/serve_hostile.py" "$SERVER_URL" "$DIR"
CHECKS=$?
set -e
ALIVE=no
kill -0 "$SERVER_PID" 2>/dev/null && ALIVE=yes
RSS=$(peak_rss_mb "$SERVER_PID" 2>/dev/null || echo "?")
stop_server
say "server alive after the zoo: $ALIVE; peak RSS $RSS MB; exit status after SIGTERM: $SERVER_STATUS"
rm -rf "$DIR"
if [ "$CHECKS" -ne 0 ] || [ "$ALIVE" != yes ] || [ "$SERVER_STATUS" != 0 ]; then
    say "FAILED"
    exit 1
fi
say "passed"
