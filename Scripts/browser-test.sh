#!/usr/bin/env bash
# The page of `gazette serve` in a real headless browser: installs Debian's chromium and
# chromium-driver when missing (needs root) and selenium in a throwaway virtualenv, builds gazette,
# starts the server on 127.0.0.1, and runs Scripts/browser_test.py, which loads the page, tags the
# sample and a file, checks highlights, tooltip, topics, entity table and graph, and saves the
# screenshot docs/serve-page.png (shown in docs/serve.md).
#
#   Scripts/browser-test.sh [SCREENSHOT]      (default docs/serve-page.png)
#
# Environment: GAZETTE_BIN=path skips the build (default: a debug build); BROWSER_VENV reuses a venv.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SCREENSHOT="${1:-$ROOT/docs/serve-page.png}"
say() { printf 'browser-test: %s\n' "$*" >&2; }
# shellcheck source=Scripts/serve-common.sh
. "$ROOT/Scripts/serve-common.sh"

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
[ -x /usr/bin/chromedriver ] || need+=(chromium-driver)
if [ ${#need[@]} -gt 0 ]; then
    say "installing ${need[*]} (Debian)"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}") >&2 \
        || { say "cannot install ${need[*]}: run as root"; exit 2; }
fi

WORK="$(mktemp -d "${TMPDIR:-/tmp}/gazette-browser.XXXXXX")"
trap 'stop_server || true; rm -rf "$WORK"' EXIT
VENV="${BROWSER_VENV:-$WORK/venv}"
if [ ! -x "$VENV/bin/python" ]; then
    say "installing selenium in $VENV"
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q "selenium==4.*" >&2
fi

cd "$ROOT"
if [ -z "${GAZETTE_BIN:-}" ]; then
    say "building gazette"
    swift build --product gazette 2>&1 | tail -1 >&2
    GAZETTE_BIN="$(swift build --show-bin-path)/gazette"
fi

start_server "$GAZETTE_BIN" "$WORK/server.log" --jobs 2
say "server on $SERVER_URL"
mkdir -p "$(dirname "$SCREENSHOT")"
# selenium is pointed at the system chromedriver, so it downloads nothing.
SE_OFFLINE=true "$VENV/bin/python" "$ROOT/Scripts/browser_test.py" "$SERVER_URL" "$ROOT/samples/wire-aggregator.html" "$SCREENSHOT"
stop_server
[ "$SERVER_STATUS" = 0 ] || { say "the server exited with $SERVER_STATUS after SIGTERM"; exit 1; }
say "passed; screenshot in $SCREENSHOT"
