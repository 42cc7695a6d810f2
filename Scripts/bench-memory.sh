#!/usr/bin/env bash
# Peak memory of `gazette tag` as the input grows: the "peak RSS under 400 MB for any input size"
# bar of issue 7. Every run streams a generated JSONL on standard input, so nothing large is
# written to disk, and /usr/bin/time measures gazette alone.
#
#   1. real pages, fed 1x, 10x and 40x (91 aeb-dev pages: 91 to 3,640 records): peak must not grow;
#   2. twelve pages of about 15 MB each (near the 16 MiB record limit), built from the paragraphs
#      of the real pages, then twelve of 11.8 MB (the most of which two fit the 24 MiB byte budget
#      of the batch window, so two are tagged at once): the worst cases for one and two workers;
#   3. SMALL (default 300,000) short text records in one stream: the per-file duplicate-id
#      tracker is the only thing that grows, and it is capped at 4 million ids;
#   4. --resume over the output of run 3 with every record already done: constant memory.
#
# Usage: Scripts/bench-memory.sh [PAGES_DIR] ; JOBS=2 (env) sets --jobs, SMALL=N the record count.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PAGES="${1:-$ROOT/../shared/data/aeb-dev/html}"
JOBS="${JOBS:-2}"
SMALL="${SMALL:-300000}"
say() { printf 'bench-memory: %s\n' "$*" >&2; }

if [ ! -d "$PAGES" ] || ! ls "$PAGES"/*.html >/dev/null 2>&1; then
    say "no pages at $PAGES (development data is not part of the repository); skipping"
    exit 0
fi
[ -x /usr/bin/time ] || { say "/usr/bin/time is missing (apt-get install time)"; exit 2; }

WORK="$(mktemp -d "${TMPDIR:-/tmp}/gazette-memory.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
cd "$ROOT"
say "building gazette (release)"
swift build -c release --product gazette 2>&1 | tail -1 >&2
BIN="$(swift build -c release --show-bin-path)/gazette"

cat > "$WORK/generate.py" <<'PY'
"""Writes JSONL records to stdout: `pages DIR REPEAT`, `big DIR COUNT MB` or `small COUNT`."""
import glob, json, random, re, sys

kind = sys.argv[1]
out = sys.stdout
if kind == "pages":
    files = sorted(glob.glob(sys.argv[2] + "/*.html"))
    for copy in range(int(sys.argv[3])):
        for path in files:
            html = open(path, encoding="utf-8", errors="replace").read()
            out.write(json.dumps({"id": f"{copy}/{path.rsplit('/', 1)[-1]}", "html": html}) + "\n")
elif kind == "big":
    random.seed(7)
    paragraphs = []
    for path in sorted(glob.glob(sys.argv[2] + "/*.html")):
        text = open(path, encoding="utf-8", errors="replace").read()
        paragraphs += [p for p in re.findall(r"<p\b[^>]*>[^<]{200,}</p>", text)]
    size = int(float(sys.argv[4]) * 1e6)
    for number in range(int(sys.argv[3])):
        body, length = [], 0
        while length < size:
            paragraph = random.choice(paragraphs)
            body.append(paragraph)
            length += len(paragraph) + 1
        html = (f"<html><head><title>Long page {number}</title></head><body><article><h1>Long page {number}</h1>"
                + "\n".join(body) + "</article></body></html>")
        out.write(json.dumps({"id": f"big-{number}", "html": html}) + "\n")
elif kind == "small":
    random.seed(11)
    people = ["Olena Kovalenko", "Marek Nowak", "Aisha Bello", "Tomas Lindqvist", "Priya Raman"]
    places = ["Kyiv", "Warsaw", "Lagos", "Stockholm", "Chennai", "Brussels"]
    groups = ["NATO", "the European Union", "the World Bank", "Reuters"]
    for number in range(int(sys.argv[2])):
        text = (f"{random.choice(people)} arrived in {random.choice(places)} on Monday, "
                f"officials from {random.choice(groups)} said. Talks in {random.choice(places)} "
                f"are expected to continue for a week.")
        out.write(json.dumps({"id": f"s{number:08d}", "text": text}) + "\n")
PY

# "peak_mb records errors seconds" for one run; the generator's output is piped into gazette.
measure() {
    local label="$1"; shift
    local output="$WORK/out.jsonl" extra=()
    if [ "${RESUME_FROM:-}" ]; then output="$RESUME_FROM"; extra=(--resume "$RESUME_FROM"); else extra=(-o "$output"); fi
    python3 "$WORK/generate.py" "$@" \
        | /usr/bin/time -f "%M %e" -o "$WORK/time.txt" "$BIN" tag - --jobs "$JOBS" "${extra[@]}" 2> "$WORK/summary.txt" || true
    read -r peak seconds < "$WORK/time.txt"
    local summary records errors
    summary=$(grep 'gazette tag:' "$WORK/summary.txt" | tail -1)
    records=$(echo "$summary" | sed -n 's/.*: \([0-9]*\) records.*/\1/p')
    errors=$(echo "$summary" | sed -n 's/.* \([0-9]*\) errors.*/\1/p')
    printf '%-44s %8.0f %9s %7s %8s\n' "$label" "$((peak / 1024))" "$records" "$errors" "$seconds"
    echo "$label $((peak / 1024))" >> "$WORK/peaks.txt"
}

printf '%-44s %8s %9s %7s %8s\n' "run (--jobs $JOBS)" "peak MB" "records" "errors" "seconds"
measure "real pages x1" pages "$PAGES" 1
measure "real pages x10" pages "$PAGES" 10
measure "real pages x40" pages "$PAGES" 40
measure "12 pages of ~15 MB" big "$PAGES" 12 15
measure "12 pages of ~11.8 MB" big "$PAGES" 12 11.8
measure "$SMALL short text records" small "$SMALL"
cp "$WORK/out.jsonl" "$WORK/done.jsonl"
RESUME_FROM="$WORK/done.jsonl" measure "--resume, all $SMALL already done" small "$SMALL"

python3 - "$WORK/peaks.txt" <<'PY'
import sys
peaks = {}
for line in open(sys.argv[1]):
    label, value = line.rsplit(" ", 1)
    peaks[label] = int(value)
worst = max(peaks.values())
growth = peaks["real pages x40"] / peaks["real pages x1"]
print()
print(f"growth from 91 to 3,640 real pages:  {growth:.2f}x  {'flat' if growth < 1.15 else 'GROWS'}")
print(f"bar peak RSS < 400 MB:               {worst} MB at worst  {'met' if worst < 400 else 'MISSED'}")
PY
