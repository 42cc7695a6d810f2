#!/usr/bin/env bash
# Load test of `gazette serve` against `gazette tag` on the same pages, in one run (issue 20's bar):
# real article pages are posted to POST /v1/tag (as text/html with ?id=, so each request is what
# `gazette tag` reads from the file) by wrk, a bounded load generator, against 127.0.0.1 only,
# with 1, 8 and 64 concurrent clients for DURATION seconds each. Reports throughput, p50/p99
# latency, error rate and the server's peak RSS, and `gazette tag --jobs $(nproc)` pages/s over the
# same pages (its own clock, start-up excluded).
#
# The throughput ratio is taken in ROUNDS paired rounds after the levels: in each, `gazette tag`
# runs while the server idles, then 64 clients post for ROUND_SECONDS; the ratio reported is the
# median of the rounds' ratios. On this shared 2-core machine one tool's speed drifts by 15-30%
# from minute to minute, so one tag run against one server run decides little.
#
# Bar: with 64 clients, throughput >= 90% of gazette tag, 0 errors, p99 <= 500 ms (<= 50 ms with
# one client), peak RSS < 400 MB. Exit 1 when a bar is missed, 0 otherwise.
#
#   Scripts/bench-serve.sh [PAGES_DIR]     (default ../shared/data/aeb-dev/html; skipped when absent)
#
# Environment: DURATION (seconds per level, default 20), CLIENTS (default "1 8 64"), REPEAT (times
# the pages are fed to gazette tag, default 10), ROUNDS (paired rounds, default 5), ROUND_SECONDS
# (default 10), JOBS (default nproc), GAZETTE_BIN (skip the build).
# Installs Debian's wrk when it is missing (needs root).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PAGES="${1:-$ROOT/../shared/data/aeb-dev/html}"
DURATION="${DURATION:-20}"
CLIENTS="${CLIENTS:-1 8 64}"
REPEAT="${REPEAT:-10}"
ROUNDS="${ROUNDS:-5}"
ROUND_SECONDS="${ROUND_SECONDS:-10}"
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

# wrk posts the pages round robin, each as text/html with its file name as id. The requests are
# formatted once, in init: formatting a 200 KB request per call copied every body again and cost the
# load generator, which shares the machine's cores with the server, a few per cent of a core.
cat > "$WORK/post.lua" <<'LUA'
local requests, next = {}, 0
function init(args)
  for path in io.lines(args[1]) do
    local file = assert(io.open(path, "rb"))
    local body = file:read("*a")
    file:close()
    local id = path:match("([^/]+)%.html$")
    requests[#requests + 1] = wrk.format("POST", "/v1/tag?id=" .. id, { ["Content-Type"] = "text/html" }, body)
  end
  next = math.random(#requests) - 1
end
function request()
  next = next % #requests + 1
  return requests[next]
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

# Paired rounds: gazette tag (the server idle), then the server under 64 clients.
PAIRS="$WORK/pairs.tsv"
for round in $(seq "$ROUNDS"); do
    tag=$(tag_rate)
    wrk -t 2 -c 64 -d "${ROUND_SECONDS}s" --timeout 10s -s "$WORK/post.lua" \
        "$SERVER_URL/v1/tag" -- "$WORK/pages.txt" > "$WORK/round.txt"
    rate=$(sed -n 's/^Requests\/sec: *\([0-9.]*\)/\1/p' "$WORK/round.txt")
    non2xx=$(sed -n 's/^ *Non-2xx or 3xx responses: *\([0-9]*\)/\1/p' "$WORK/round.txt")
    printf '%s\t%s\t%s\n' "$tag" "$rate" "${non2xx:-0}" >> "$PAIRS"
    say "round $round: gazette tag $tag pages/s, serve (64 clients) $rate requests/s"
done
METRICS_ERRORS=$(curl -s "$SERVER_URL/metrics" | awk '/^gazette_errors_total/ { s += $2 } END { print s + 0 }')
RSS_END=$(peak_rss_mb "$SERVER_PID")
stop_server
STATUS="$SERVER_STATUS"
say "server stopped by SIGTERM, exit status $STATUS"

python3 - "$RESULTS" "$PAIRS" "$METRICS_ERRORS" "$STATUS" "$JOBS" "$RSS_END" <<'PY'
import statistics, sys
path, pairs_path, metric_errors, status, jobs, rss_end = sys.argv[1:]
pairs = [tuple(float(x) for x in line.split("\t")) for line in open(pairs_path)]
tag = statistics.median(t for t, _, _ in pairs)
rows = [line.rstrip("\n").split("\t") for line in open(path)]
print(f"\ngazette tag --jobs {jobs}: {tag:.1f} pages/s (median of {len(pairs)} runs: {', '.join(f'{t:.1f}' for t, _, _ in pairs)})")
print("| clients | requests/s | vs gazette tag (median) | requests | errors | error rate | p50 ms | p99 ms | peak RSS MB |")
print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
failures = []
for clients, rate, requests, errors, p50, p99, rss in rows:
    clients, rate, requests, errors = int(clients), float(rate), int(requests), int(errors)
    ratio = rate / tag if tag else 0
    error_rate = errors / requests if requests else 1
    print(f"| {clients} | {rate:.1f} | {ratio:.0%} | {requests} | {errors} | {error_rate:.2%} | {float(p50):.1f} | {float(p99):.1f} | {float(rss):.0f} |")
    if clients == 64:
        if errors: failures.append(f"64 clients: {errors} errors (bar 0)")
        if float(p99) > 500: failures.append(f"64 clients: p99 {p99} ms (bar 500)")
    if clients == 1 and float(p99) > 50:
        failures.append(f"1 client: p99 {p99} ms (bar 50)")
    if float(rss) >= 400: failures.append(f"peak RSS {rss} MB (bar < 400)")
ratios = [s / t for t, s, _ in pairs if t]
paired = statistics.median(ratios) if ratios else 0
round_errors = sum(int(e) for _, _, e in pairs)
print(f"\npaired rounds (gazette tag, then 64 clients): serve/tag {', '.join(f'{r:.0%}' for r in ratios)}; "
      f"median {paired:.0%}; non-2xx {round_errors}; server peak RSS {float(rss_end):.0f} MB")
if paired < 0.9: failures.append(f"64 clients: {paired:.0%} of gazette tag, median of paired rounds (bar 90%)")
if round_errors: failures.append(f"paired rounds: {round_errors} non-2xx answers (bar 0)")
if float(rss_end) >= 400: failures.append(f"peak RSS {rss_end} MB (bar < 400)")
print(f"\nerrors counted by the server's /metrics: {metric_errors}; exit status after SIGTERM: {status}")
if status != "0": failures.append(f"exit status {status} after SIGTERM")
if failures:
    print("MISSED: " + "; ".join(failures))
    sys.exit(1)
print("all bars met")
PY
