#!/usr/bin/env bash
# Runs examples/spark/tag_job.py under PySpark in local mode, shipping the release bundle (binary and
# data in one file, as a cluster run does with --archives), and checks that its output equals the
# single-machine `gazette tag` output of the unpacked bundle (the same records, compared after sorting).
#
# Usage: Scripts/spark-smoke.sh [INPUT_DIR]     (default: samples/)
#        BUNDLE=dist/gazette-….tar.gz Scripts/spark-smoke.sh   (default: built by Scripts/release.sh)
# Installs what a fresh Debian machine lacks: PySpark (pinned) in a throwaway venv, and Java 17
# (openjdk-17-jre-headless) when no Java 17+ is on PATH. Builds gazette in release mode.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
INPUT="${1:-samples}"
PYSPARK_VERSION="4.0.1"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/gazette-spark-smoke.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

say() { printf 'spark-smoke: %s\n' "$*" >&2; }
fail() { say "FAIL: $*"; exit 1; }

[ -d "$INPUT" ] || fail "input directory $INPUT does not exist"
INPUT_ABS="$(cd "$INPUT" && pwd)"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# Java 17 or newer (Spark 4 needs 17+).
java_major() { java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | sed -n 1p; }
if ! command -v java >/dev/null || [ "$(java_major)" -lt 17 ]; then
    say "installing openjdk-17-jre-headless"
    as_root apt-get update -qq
    as_root apt-get install -y -qq openjdk-17-jre-headless >/dev/null
fi
say "java $(java_major)"

# A throwaway venv with PySpark.
if ! python3 -m venv "$WORK/venv" >/dev/null 2>&1; then
    say "installing python3-venv"
    as_root apt-get update -qq
    as_root apt-get install -y -qq python3-venv >/dev/null
    python3 -m venv "$WORK/venv"
fi
say "installing pyspark==$PYSPARK_VERSION in a throwaway venv"
"$WORK/venv/bin/pip" install -q --disable-pip-version-check "pyspark==$PYSPARK_VERSION"
export PYSPARK_PYTHON="$WORK/venv/bin/python" PYSPARK_DRIVER_PYTHON="$WORK/venv/bin/python"

if [ -z "${BUNDLE:-}" ]; then
    say "building the release bundle"
    BUNDLE="$ROOT/$(Scripts/release.sh | tail -1)"
fi
[ -f "$BUNDLE" ] || fail "no release bundle at $BUNDLE"
mkdir -p "$WORK/bundle"
tar -C "$WORK/bundle" -xzf "$BUNDLE"
BIN="$(echo "$WORK"/bundle/gazette-*/bin/gazette)"
[ -x "$BIN" ] || fail "no bin/gazette in $BUNDLE"
say "single-machine runs use the unpacked bundle: $BIN"

# Single machine.
status=0
(cd "$WORK" && "$BIN" tag "$INPUT_ABS" --quiet) > "$WORK/single.jsonl" || status=$?
[ "$status" -le 1 ] || fail "gazette tag $INPUT exited $status"
records=$(wc -l < "$WORK/single.jsonl")
say "single machine: $records records (exit $status)"

# Spark, whole files per task, with the optional merged graph.
graph_args=()
if "$BIN" graph --help >/dev/null 2>&1; then graph_args=(--graph "$WORK/graph.graphml"); fi
"$WORK/venv/bin/python" examples/spark/tag_job.py --master "local[2]" --bundle "$BUNDLE" \
    --output "$WORK/spark-files" --partitions 3 "${graph_args[@]}" "$INPUT" 2> "$WORK/spark-files.log" \
    || { tail -30 "$WORK/spark-files.log" >&2; fail "the Spark job (files mode) failed"; }
LC_ALL=C sort "$WORK/single.jsonl" > "$WORK/single.sorted"
cat "$WORK"/spark-files/part-* | LC_ALL=C sort > "$WORK/spark-files.sorted"
if ! cmp -s "$WORK/single.sorted" "$WORK/spark-files.sorted"; then
    diff "$WORK/single.sorted" "$WORK/spark-files.sorted" | sed -n 1,20p >&2
    fail "Spark (files mode) output differs from the single-machine output"
fi
say "files mode: $(wc -l < "$WORK/spark-files.sorted") records, identical to the single-machine run"
if [ ${#graph_args[@]} -gt 0 ]; then
    [ -s "$WORK/graph.graphml" ] || fail "no merged graph written"
    "$BIN" graph build "$WORK/single.jsonl" -o "$WORK/single.graphml"
    if cmp -s "$WORK/single.graphml" "$WORK/graph.graphml"; then
        say "merged graph equals the single-machine graph"
    else
        fail "merged graph differs from the single-machine graph"
    fi
fi

# Spark, JSONL split by lines and piped with RDD.pipe (records with ids only).
lines_input="$WORK/with-ids.jsonl"
find "$INPUT" -name '*.jsonl' -print0 | sort -z | xargs -0 -r cat \
    | "$WORK/venv/bin/python" -c '
import json, sys
seen = set()
for line in sys.stdin:
    try:
        record = json.loads(line)
    except ValueError:
        continue
    if isinstance(record, dict) and isinstance(record.get("id"), str) and record["id"] and record["id"] not in seen:
        seen.add(record["id"])
        sys.stdout.write(line if line.endswith("\n") else line + "\n")
' > "$lines_input"
if [ -s "$lines_input" ]; then
    status=0
    "$BIN" tag "$lines_input" --quiet > "$WORK/lines-single.jsonl" || status=$?
    [ "$status" -le 1 ] || fail "gazette tag on the JSONL records exited $status"
    "$WORK/venv/bin/python" examples/spark/tag_job.py --master "local[2]" --bundle "$BUNDLE" --mode lines \
        --output "$WORK/spark-lines" --partitions 2 "$lines_input" 2> "$WORK/spark-lines.log" \
        || { tail -30 "$WORK/spark-lines.log" >&2; fail "the Spark job (lines mode) failed"; }
    if ! cmp -s <(LC_ALL=C sort "$WORK/lines-single.jsonl") <(cat "$WORK"/spark-lines/part-* | LC_ALL=C sort); then
        fail "Spark (lines mode) output differs from the single-machine output"
    fi
    say "lines mode (RDD.pipe): $(wc -l < "$WORK/lines-single.jsonl") records, identical to the single-machine run"
fi
say "PASS"
