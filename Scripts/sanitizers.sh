#!/usr/bin/env bash
# Runs the whole test suite under AddressSanitizer and under ThreadSanitizer, each in its own
# scratch folder (.build-asan, .build-tsan; gitignored), and reports both.
#
#   Scripts/sanitizers.sh            both
#   Scripts/sanitizers.sh address    one of them (address | thread)
#
# Exit status 0 when every run passed with no sanitizer report. SANITIZER_TEST_FLAGS adds flags to
# `swift test` (e.g. --skip-build to rerun the tests of an existing build). CPU heavy (two full debug builds):
# about 10-20 minutes on 2 cores. Logs: .build-asan/sanitizer.log, .build-tsan/sanitizer.log.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
KINDS=("${@:-address thread}")
read -r -a KINDS <<<"${KINDS[*]}"
FAILED=0
SUMMARY=()

for kind in "${KINDS[@]}"; do
    case "$kind" in
        address) scratch=.build-asan ;;
        thread) scratch=.build-tsan ;;
        *) echo "sanitizers.sh: unknown sanitizer '$kind' (address | thread)" >&2; exit 2 ;;
    esac
    mkdir -p "$scratch"
    log="$scratch/sanitizer.log"
    echo "== swift test --sanitize=$kind --scratch-path $scratch" >&2
    start=$(date +%s)
    # halt_on_error keeps the first report readable; the Swift backtracer is off so the
    # sanitizer prints the stack itself.
    # LeakSanitizer ignores the few bytes the toolchain's XCTest/Foundation never free
    # (Scripts/lsan-toolchain.supp says which and why).
    SWIFT_BACKTRACE=enable=no \
    ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:halt_on_error=1}" \
    LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$ROOT/Scripts/lsan-toolchain.supp:print_suppressions=0}" \
    TSAN_OPTIONS="${TSAN_OPTIONS:-halt_on_error=1:second_deadlock_stack=1}" \
        swift test --sanitize="$kind" --scratch-path "$scratch" ${SANITIZER_TEST_FLAGS:-} >"$log" 2>&1
    status=$?
    elapsed=$(( $(date +%s) - start ))
    reports=$(grep -cE '^(==[0-9]+==ERROR|WARNING: ThreadSanitizer|SUMMARY: (Address|Thread|Leak)Sanitizer)' "$log" || true)
    result=$(grep -E 'Test run with [0-9]+ tests? .*(passed|failed)|Executed [0-9]+ tests?' "$log" | tail -2 | tr '\n' ' ')
    line="$kind: exit $status, $reports sanitizer reports, ${elapsed}s; ${result:-no test summary (build failed?)}"
    SUMMARY+=("$line")
    echo "$line"
    if [[ $status -ne 0 || $reports -ne 0 ]]; then
        FAILED=1
        grep -E -A20 '^(==[0-9]+==ERROR|WARNING: ThreadSanitizer)' "$log" | sed -n 1,40p
        grep -E 'error:|✘' "$log" | sed -n 1,20p
    fi
done

echo "== summary"
printf '%s\n' "${SUMMARY[@]}"
exit $FAILED
