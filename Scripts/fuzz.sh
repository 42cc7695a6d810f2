#!/usr/bin/env bash
# Builds one libFuzzer target of Fuzz/ (with AddressSanitizer) and runs it for SECONDS on its seed
# corpus. Prints executions/s, coverage (cov = edges, ft = features) and peak RSS; exits non-zero
# on a crash, a leak, a timeout or an out-of-memory, and leaves the input that caused it in
# Fuzz/Crashes/TARGET/ (turn it into a Hostile*.swift regression test).
#
#   Scripts/fuzz.sh TARGET SECONDS [libFuzzer flags…]     e.g. Scripts/fuzz.sh html-cleaner 600
#   Scripts/fuzz.sh --list
#
# Targets: gazetteer-file, gazetteer-compiled, html-cleaner, jsonl-reader, warc-reader.
# The seed corpus Fuzz/Corpus/TARGET/ is only read; inputs the fuzzer finds go to
# Fuzz/.build/corpus/TARGET/ (kept between runs, gitignored). Build (Swift 6.3.1 on Linux):
# `swift build --package-path Fuzz --scratch-path Fuzz/.build-release -c release
#  -Xswiftc -sanitize=fuzzer,address -Xswiftc -enable-testing` (first build ~10 min on 2 busy cores).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
FUZZ="$ROOT/Fuzz"

product_for() {
    case "$1" in
        gazetteer-file) echo FuzzGazetteerFile ;;
        gazetteer-compiled) echo FuzzGazetteerCompiled ;;
        html-cleaner) echo FuzzHTMLCleaner ;;
        jsonl-reader) echo FuzzJSONLReader ;;
        warc-reader) echo FuzzWARCReader ;;
        *) return 1 ;;
    esac
}

if [[ "${1:-}" == "--list" ]]; then
    printf '%s\n' gazetteer-file gazetteer-compiled html-cleaner jsonl-reader warc-reader
    exit 0
fi
if [[ $# -lt 2 ]] || ! [[ "$2" =~ ^[0-9]+$ ]]; then
    echo "usage: Scripts/fuzz.sh TARGET SECONDS [libFuzzer flags...]   (targets: Scripts/fuzz.sh --list)" >&2
    exit 2
fi
TARGET="$1"; SECONDS_TO_RUN="$2"; shift 2
if ! PRODUCT="$(product_for "$TARGET")"; then
    echo "fuzz.sh: unknown target '$TARGET' (see Scripts/fuzz.sh --list)" >&2
    exit 2
fi

SEEDS="$FUZZ/Corpus/$TARGET"
WORK="$FUZZ/.build/corpus/$TARGET"
CRASHES="$FUZZ/Crashes/$TARGET"
LOG="$FUZZ/.build/fuzz-$TARGET.log"
mkdir -p "$WORK" "$CRASHES" "$FUZZ/.build"

# FUZZ_CONFIG=release (default) optimises (-O keeps Swift's overflow and bounds checks) and passes
# -enable-testing so the targets can reach internal readers; FUZZ_CONFIG=debug builds faster.
CONFIG="${FUZZ_CONFIG:-release}"
case "$CONFIG" in
    release) BUILD=(swift build --package-path "$FUZZ" --scratch-path "$FUZZ/.build-release" -c release
                    -Xswiftc -sanitize=fuzzer,address -Xswiftc -enable-testing) ;;
    debug) BUILD=(swift build --package-path "$FUZZ" -c debug -Xswiftc -sanitize=fuzzer,address) ;;
    *) echo "fuzz.sh: FUZZ_CONFIG must be release or debug" >&2; exit 2 ;;
esac
echo "== building $PRODUCT ($CONFIG, -sanitize=fuzzer,address)" >&2
if ! "${BUILD[@]}" --product "$PRODUCT" >"$FUZZ/.build/build-$TARGET.log" 2>&1; then
    grep -v 'Cannot export local symbol' "$FUZZ/.build/build-$TARGET.log" | grep -E 'error|warning: unable' | sed -n 1,20p >&2
    echo "fuzz.sh: build of $PRODUCT failed (full log: $FUZZ/.build/build-$TARGET.log)" >&2
    exit 3
fi
BIN="$("${BUILD[@]}" --show-bin-path)/$PRODUCT"

echo "== running $PRODUCT for ${SECONDS_TO_RUN}s (seeds: ${SEEDS#$ROOT/}, $(ls "$SEEDS" | wc -l) files)" >&2
set +e
# The Swift runtime's own crash handler confuses ASan's report; let ASan print the stack.
export SWIFT_BACKTRACE=enable=no
# Per-input limits: 10 s (a hang is a bug too) and 2 GB RSS (an unbounded allocation is a bug).
ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=0}" \
"$BIN" -max_total_time="$SECONDS_TO_RUN" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$CRASHES/" "$@" "$WORK" "$SEEDS" >"$LOG" 2>&1
STATUS=$?
set -e

DONE_LINE="$(grep -E '^#[0-9]+[[:space:]]+(DONE|pulse|NEW|REDUCE|INITED)' "$LOG" | tail -1 || true)"
EXECS="$(sed -n 's/^stat::number_of_executed_units: *//p' "$LOG" | tail -1)"
RATE="$(sed -n 's/^stat::average_exec_per_sec: *//p' "$LOG" | tail -1)"
RSS="$(sed -n 's/^stat::peak_rss_mb: *//p' "$LOG" | tail -1)"
COV="$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$DONE_LINE")"
FT="$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$DONE_LINE")"
CORP="$(sed -n 's/.* corp: \([0-9]*\/[0-9a-zA-Z]*\).*/\1/p' <<<"$DONE_LINE")"
echo "$TARGET: ${SECONDS_TO_RUN}s, ${EXECS:-?} executions, ${RATE:-?} exec/s, cov ${COV:-?}, ft ${FT:-?}, corpus ${CORP:-?}, peak RSS ${RSS:-?} MB, exit $STATUS"
echo "last status line: $DONE_LINE"
if [[ $STATUS -ne 0 ]]; then
    echo "fuzz.sh: $PRODUCT failed (exit $STATUS); log: ${LOG#$ROOT/}" >&2
    grep -E '^(==[0-9]+==ERROR|SUMMARY|Fatal error|.*Fatal error|artifact_prefix|Test unit written to)' "$LOG" | sed -n 1,10p >&2
    grep -A25 -E '==ERROR|Fatal error' "$LOG" | grep -E '^\s+#[0-9]+ ' | sed -n 1,15p >&2 || true
    exit 1
fi
