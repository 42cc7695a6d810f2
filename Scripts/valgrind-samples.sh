#!/usr/bin/env bash
# Runs the release `gazette tag` under valgrind (memcheck, --leak-check=full) on samples/ and on the
# small-and-medium files of the hostile set (everything below 2 MB but the 50,000-attribute page, so valgrind's
# 20-50x slowdown stays bearable), and reports definite leaks, separately those with a libxml2 frame.
#
#   Scripts/valgrind-samples.sh [HOSTILE_DIR]   (default /tmp/gazette-hostile; generated if missing)
#
# Environment: GAZETTE_BIN=path skips the release build. Exit status 0 when no definite leak and
# no invalid read/write/free was reported. "Conditional jump depends on uninitialised value"
# notes are counted and shown but do not fail the run unless a libxml2 frame is in their stack:
# with Swift 6.3.1 memcheck reports a few in code the Swift compiler generates for enum copies
# and in the runtime's metadata initialisation, which are not reads of uninitialised data.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
HOSTILE="${1:-/tmp/gazette-hostile}"
WORK="$(mktemp -d /tmp/gazette-valgrind.XXXXXX)"

command -v valgrind >/dev/null || { echo "valgrind-samples.sh: valgrind is not installed (apt-get install valgrind)" >&2; exit 2; }
if [[ -z "${GAZETTE_BIN:-}" ]]; then
    echo "== building gazette (release)" >&2
    (cd "$ROOT" && swift build -c release --product gazette >"$WORK/build.log" 2>&1) || { tail -20 "$WORK/build.log" >&2; exit 3; }
    GAZETTE_BIN="$(cd "$ROOT" && swift build -c release --show-bin-path)/gazette"
fi
[[ -f "$HOSTILE/expected.tsv" ]] || python3 "$ROOT/Scripts/make-bad-inputs.py" --hostile "$HOSTILE" >/dev/null
mkdir -p "$WORK/hostile-small"
# attrs-50000.html is left out: libxml2 2.9.14 spends ~14 s of CPU on it natively (quadratic in
# attributes per element), which valgrind would turn into a quarter of an hour.
find "$HOSTILE" -maxdepth 1 -type f -size -2M ! -name expected.tsv ! -name '*.md' ! -name 'attrs-*' -exec cp {} "$WORK/hostile-small/" \;

FAILED=0
run() {
    local name="$1"; shift
    local log="$WORK/valgrind-$name.txt"
    echo "== valgrind gazette tag $* ($name)" >&2
    local start=$(date +%s)
    valgrind --leak-check=full --show-leak-kinds=definite --errors-for-leak-kinds=definite \
        --num-callers=30 --suppressions="$ROOT/Scripts/valgrind-glibc.supp" --log-file="$log" \
        "$GAZETTE_BIN" tag "$@" --quiet --jobs 2 -o "$WORK/$name.jsonl" >/dev/null 2>"$WORK/$name.stderr"
    local status=$?
    local elapsed=$(( $(date +%s) - start ))
    local definite=$(sed -n 's/.*definitely lost: \([0-9,]*\) bytes in \([0-9,]*\) blocks.*/\1 bytes in \2 blocks/p' "$log" | tail -1)
    local errors=$(sed -n 's/.*ERROR SUMMARY: \([0-9,]*\) errors.*/\1/p' "$log" | tail -1)
    # Loss records whose stack has a libxml2 function (xml*, html*) or the cleaner's frames.
    local libxml=$(awk '/definitely lost in loss record/{rec=1; buf=$0; next} rec && /^==[0-9]+== *$/{if (buf ~ /(xml|html)[A-Z]|libxml2/) n++; rec=0; next} rec{buf=buf"\n"$0} END{print n+0}' "$log")
    local invalid=$(grep -cE 'Invalid (read|write|free)|Mismatched free|Source and destination overlap' "$log")
    local uninit=$(grep -cE 'uninitialised value|Uninitialised value' "$log")
    local uninitLibxml=$(awk '/uninitialised/{rec=1; buf=""; next} rec && /^==[0-9]+== *$/{if (buf ~ /(xml|html)[A-Z]|libxml2/) n++; rec=0; next} rec{buf=buf"\n"$0} END{print n+0}' "$log")
    echo "$name: exit $status, ${elapsed}s, records $(wc -l <"$WORK/$name.jsonl"), definitely lost ${definite:-0 bytes}, loss records with libxml2 frames ${libxml}, invalid accesses ${invalid}, uninitialised-value notes ${uninit} (with a libxml2 frame: ${uninitLibxml}), memcheck error total ${errors:-?}"
    if [[ $status -ge 100 || "${definite:-0 bytes}" != 0\ bytes* || $invalid -ne 0 || $uninitLibxml -ne 0 ]]; then
        FAILED=1
        grep -E -A12 'Invalid (read|write|free)|definitely lost in loss record' "$log" | sed -n 1,60p
    fi
}

run samples "$ROOT/samples"
run hostile-small "$WORK/hostile-small"
echo "(valgrind logs in $WORK)" >&2
exit $FAILED
