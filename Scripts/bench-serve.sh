#!/usr/bin/env bash
# Load test of `gazette serve` against `gazette tag` on the same pages, in one run (issue 20's bar):
# real article pages are posted to POST /v1/tag (as text/html with ?id=, so each request is what
# `gazette tag` reads from the file) by wrk, a bounded load generator, against 127.0.0.1 only,
# with 1, 8 and 64 concurrent clients for DURATION seconds each. Reports throughput, p50/p99
# latency, error rate and the server's peak RSS, and `gazette tag --jobs $(nproc)` pages/s over the
# same pages (its own clock, start-up excluded; measured before and after the server, averaged).
#
# Bar: with 64 clients, throughput >= 90% of gazette tag, 0 errors, p99 <= 500 ms (<= 50 ms with
# one client), peak RSS < 400 MB. Exit 1 when a bar is missed, 0 otherwise.
#
#   Scripts/bench-serve.sh [PAGES_DIR]     (default ../shared/data/aeb-dev/html; skipped when absent)
#
# Environment: DURATION (seconds per level, default 20), CLIENTS (default "1 8 64"), REPEAT (times
# the pages are fed to gazette tag, default 10), JOBS (default nproc), GAZETTE_BIN (skip the build).
# Installs Debian's wrk when it is missing (needs root).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PAGES="${1:-$ROOT/../shared/data/aeb-dev/html}"
DURATION="${DURATION:-20}"
CLIENTS="${CLIENTS:-1 8 64}"
REPEAT="${REPEAT:-10}"
JOBS="${JOBS:-$(nproc)}"
say() { printf 'bench-serve: %s\n' "$*" >&2; }
# shellcheck source=Scripts/serve-common.sh
. "$ROOT/Scripts/serve-common.sh"

if [ ! -d "$PAGES" ] || ! ls "$PAGES"/*.html >/dev/null 2>&1; then
    say "no pages at $PAGES (development data is not part of the repository); skipping"
    exit 0
fi
if ! command -v wrk >/dev/null; then
    say "installing wrk (Debian)"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk) >&2 \
        || { say "cannot install wrk: run as root or apt-get install wrk"; exit 2; }
fi

WORK="$(mktemp -d "${TMPDIR:-/tmp}/gazette-bench-serve.XXXXXX")"
trap 'stop_server || true; rm -rf "$WORK"' EXIT

cd "$ROOT"
if [ -z "${GAZETTE_BIN:-}" ]; then
    say "building gazette (release)"
    swift build -c release --product gazette 2>&1 | tail -1 >&2
    GAZETTE_BIN="$(swift build -c release --show-bin-path)/gazette"
fi

ls "$PAGES"/*.html > "$WORK/pages.txt"
PAGE_COUNT=$(wc -l < "$WORK/pages.txt")
PAGE_MB=$(cat "$PAGES"/*.html | wc -c | awk '{ printf "%.1f", $1 / 1e6 }')
say "$PAGE_COUNT pages ($PAGE_MB MB), $JOBS workers, $DURATION s per level, clients: $CLIENTS"

# gazette tag over the pages fed REPEAT times: records/s by its own clock.
tag_rate() {
    local inputs=()
    for _ in $(seq "$REPEAT"); do inputs+=("$PAGES"); done
    "$GAZETTE_BIN" tag "${inputs[@]}" --jobs "$JOBS" -o /dev/null 2>"$WORK/tag.txt" || true
    sed -n 's/.*, \([0-9.]*\) records\/s$/\1/p' "$WORK/tag.txt" | tail -1
}

# wrk posts the pages round robin, each as text/html with its file name as id.
cat > "$WORK/post.lua" <<'LUA'
local bodies, ids, next = {}, {}, 0
function init(args)
  for path in io.lines(args[1]) do
    local file = assert(io.open(path, "rb"))
    bodies[#bodies + 1] = file:read("*a")
    file:close()
    ids[#ids + 1] = path:match("([^/]+)%.html$")
  end
  next = math.random(#bodies) - 1
end
function request()
  next = next % #bodies + 1
  return wrk.format("POST", "/v1/tag?id=" .. ids[next], { ["Content-Type"] = "text/html" }, bodies[next])
end
LUA

# A latency like "12.34ms", "812.00us" or "1.20s" in milliseconds.
to_ms() {
    awk -v v="$1" 'BEGIN {
        if (v ~ /us$/) { sub(/us$/, "", v); printf "%.2f", v / 1000 }
        else if (v ~ /ms$/) { sub(/ms$/, "", v); printf "%.2f", v }
        else if (v ~ /m$/) { sub(/m$/, "", v); printf "%.2f", v * 60000 }
        else { sub(/s$/, "", v); printf "%.2f", v * 1000 } }'
}

say "gazette tag --jobs $JOBS (before)"
TAG_BEFORE=$(tag_rate)
say "  $TAG_BEFORE pages/s"

say "starting gazette serve --jobs $JOBS"
start_server "$GAZETTE_BIN" "$WORK/server.log" --jobs "$JOBS"
say "warming up (3 s, 8 clients)"
wrk -t 2 -c 8 -d 3s -s "$WORK/post.lua" "$SERVER_URL/v1/tag" -- "$WORK/pages.txt" >/dev/null

RESULTS="$WORK/results.tsv"
for clients in $CLIENTS; do
    threads=$(( clients < 2 ? 1 : 2 ))
    say "wrk: $clients clients, $DURATION s"
    wrk -t "$threads" -c "$clients" -d "${DURATION}s" --timeout 10s --latency -s "$WORK/post.lua" \
        "$SERVER_URL/v1/tag" -- "$WORK/pages.txt" > "$WORK/wrk-$clients.txt"
    requests=$(sed -n 's/^ *\([0-9]*\) requests in .*/\1/p' "$WORK/wrk-$clients.txt")
    rate=$(sed -n 's/^Requests\/sec: *\([0-9.]*\)/\1/p' "$WORK/wrk-$clients.txt")
    non2xx=$(sed -n 's/^ *Non-2xx or 3xx responses: *\([0-9]*\)/\1/p' "$WORK/wrk-$clients.txt")
    socket=$(sed -n 's/^ *Socket errors: connect \([0-9]*\), read \([0-9]*\), write \([0-9]*\), timeout \([0-9]*\)/\1 \2 \3 \4/p' "$WORK/wrk-$clients.txt" \
        | awk '{ print $1 + $2 + $3 + $4 }')
    errors=$(( ${non2xx:-0} + ${socket:-0} ))
    p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' "$WORK/wrk-$clients.txt")")
    p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' "$WORK/wrk-$clients.txt")")
    rss=$(peak_rss_mb "$SERVER_PID")
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$clients" "$rate" "$requests" "$errors" "$p50" "$p99" "$rss" >> "$RESULTS"
    say "  $rate req/s, $requests requests, $errors errors, p50 $p50 ms, p99 $p99 ms, peak RSS $rss MB"
done
METRICS_ERRORS=$(curl -s "$SERVER_URL/metrics" | awk '/^gazette_errors_total/ { s += $2 } END { print s + 0 }')
stop_server
STATUS="$SERVER_STATUS"
say "server stopped by SIGTERM, exit status $STATUS"

say "gazette tag --jobs $JOBS (after)"
TAG_AFTER=$(tag_rate)
say "  $TAG_AFTER pages/s"

python3 - "$RESULTS" "$TAG_BEFORE" "$TAG_AFTER" "$METRICS_ERRORS" "$STATUS" "$JOBS" <<'PY'
import sys
path, before, after, metric_errors, status, jobs = sys.argv[1:]
tag = (float(before) + float(after)) / 2
rows = [line.rstrip("\n").split("\t") for line in open(path)]
print(f"\ngazette tag --jobs {jobs}: {tag:.1f} pages/s (before {before}, after {after})")
print("| clients | requests/s | vs gazette tag | requests | errors | error rate | p50 ms | p99 ms | peak RSS MB |")
print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
failures = []
for clients, rate, requests, errors, p50, p99, rss in rows:
    clients, rate, requests, errors = int(clients), float(rate), int(requests), int(errors)
    ratio = rate / tag if tag else 0
    error_rate = errors / requests if requests else 1
    print(f"| {clients} | {rate:.1f} | {ratio:.0%} | {requests} | {errors} | {error_rate:.2%} | {float(p50):.1f} | {float(p99):.1f} | {float(rss):.0f} |")
    if clients == 64:
        if ratio < 0.9: failures.append(f"64 clients: {ratio:.0%} of gazette tag (bar 90%)")
        if errors: failures.append(f"64 clients: {errors} errors (bar 0)")
        if float(p99) > 500: failures.append(f"64 clients: p99 {p99} ms (bar 500)")
    if clients == 1 and float(p99) > 50:
        failures.append(f"1 client: p99 {p99} ms (bar 50)")
    if float(rss) >= 400: failures.append(f"peak RSS {rss} MB (bar < 400)")
print(f"\nerrors counted by the server's /metrics: {metric_errors}; exit status after SIGTERM: {status}")
if status != "0": failures.append(f"exit status {status} after SIGTERM")
if failures:
    print("MISSED: " + "; ".join(failures))
    sys.exit(1)
print("all bars met")
PY
